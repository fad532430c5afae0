import { format } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { asSystem } from '@/db/transaction';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { onRequestError } from '@/instrumentation';
import { captureLog } from '@/lib/log/testing';
import { z } from '@/lib/validation/zod';
import { handleForm } from './action-state';

const NAME = 'Jan de Vries';
const GOAL = 'Woonoverlast stoppen bij Jan';

beforeAll(async () => {
  await useFreshDatabase();
});
afterAll(async () => {
  await closeDb();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything written to the error log while `work` runs, as the server's log would hold it. */
async function logOf(work: () => Promise<unknown>): Promise<{ text: string; raw: string }> {
  const logged = captureLog('error');
  await work();
  // The texts, one a line, to match; and every field of every line, for the values that must not be there.
  return { text: logged.messages(), raw: logged.raw() };
}

/** A database error whose query parameters (and, for this one, message) hold what the user typed. */
const refusedByDatabase = (input: { name: string; goal: string }) =>
  asSystem((tx) => tx.execute(sql`select ${input.name}::date, ${input.goal}::int`));

const form = () => {
  const data = new FormData();
  data.append('name', NAME);
  data.append('goal', GOAL);
  return data;
};

describe('an unexpected database error', () => {
  it('in a server action: the log has a correlation id, kind and code, never the values; the form keeps them and shows the id', async () => {
    // The refusal is real: the database's own message and the query's parameters carry the name.
    const caught = await refusedByDatabase({ name: NAME, goal: GOAL }).catch((e: unknown) => e);
    expect(format(caught)).toContain(NAME);

    let state: Awaited<ReturnType<typeof handleForm>>['state'] | undefined;
    const { text: log, raw } = await logOf(async () => {
      ({ state } = await handleForm(form(), z.strictObject({ name: z.string(), goal: z.string() }), refusedByDatabase));
    });
    expect(raw).toContain('"errorCode":"22007"');
    expect(raw).not.toContain(NAME);
    expect(raw).not.toContain(GOAL);
    const [, id] = log.match(/^\[action\] ([0-9a-f-]{36}) \S*Error.* code=22007$/m) ?? [];
    expect(id, log).toBeDefined();
    expect(state).toMatchObject({ ok: false, values: { name: NAME, goal: GOAL } });
    expect(state!.message).toContain(id);
  });

  it('in a page: the one log line has the digest the error page shows, the route pattern, kind and code', async () => {
    const error = await refusedByDatabase({ name: NAME, goal: GOAL }).catch((e: unknown) => e);
    Object.assign(error as object, { digest: '1234567890' });
    const { text: log, raw } = await logOf(() =>
      Promise.resolve(
        onRequestError(
          error,
          { path: '/invite/secret-token?q=Jan', method: 'GET', headers: {} },
          { routerKind: 'App Router', routePath: '/invite/[token]', routeType: 'render', revalidateReason: undefined },
        ),
      ),
    );
    expect(log).toMatch(/^\[page\] 1234567890 \/invite\/\[token\] \S*Error.* code=22007$/);
    expect(raw).toContain('"route":"/invite/[token]"');
    expect(raw).not.toContain(NAME);
    expect(raw).not.toContain('secret-token');
  });
});
