/**
 * An agreement on a case the actor may not see, and one that does not exist, must be indistinguishable
 * from outside: the same 404, the same statements sent to the database (so no difference in time), and
 * one audit entry each about the attempted agreement.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDb } from '@/db/client';
import { queryRows } from '@/db/query';
import * as schema from '@/db/schema';
import { auditLog } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { Db, DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { AppError } from '@/lib/errors';
import { signInAs } from '@/lib/testing/actors';
import { agreementHistory } from './list-agreements';
import { logAction } from './log-action';

const NOW = new Date('2026-03-10T10:00:00+01:00');
const MISSING = '5f0c2a8e-3b7d-4c1e-9a6f-2d8b1e4c7a90';

let handle: DbHandle;
let politie: Actor;
let hidden: string;
const statements: string[] = [];

/** The app's database, with every statement it sends written down (text only: the ids differ). */
async function recording(inner: DbHandle): Promise<Db> {
  const logger: Logger = { logQuery: (query) => statements.push(query) };
  const client = (inner.db as unknown as { $client: unknown }).$client;
  if (inner.kind === 'pglite') {
    const { drizzle } = await import('drizzle-orm/pglite');
    return drizzle({ client: client as never, schema, logger }) as unknown as Db;
  }
  const { drizzle } = await import('drizzle-orm/node-postgres');
  return drizzle({ client: client as never, schema, logger }) as unknown as Db;
}

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  politie = await signInAs('politie@example.org');
  const [row] = await queryRows<{ id: string }>(
    handle.db,
    sql`select a.id from agreements a join cases c on c.id = a.case_id
        where c.referrer_user_id is distinct from ${politie.userId}
          and not exists (select 1 from case_partners p where p.case_id = a.case_id
                          and p.organisation_id = ${politie.organisationId} and p.ended_at is null)
        order by a.id limit 1`,
  );
  hidden = row!.id;
  installDb({ ...handle, db: await recording(handle) });
});
afterAll(() => closeDb());

async function attempt(work: () => Promise<unknown>) {
  statements.length = 0;
  try {
    await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { answer: { code: error.code, message: error.message }, statements: [...statements] };
  }
  throw new Error('expected a refusal');
}

const deniedEntries = (entityId: string) =>
  handle.db
    .select({ action: auditLog.action, entity: auditLog.entity, outcome: auditLog.outcome, attempted: sql<string>`${auditLog.details}->>'attempted'` })
    .from(auditLog)
    .where(and(eq(auditLog.userId, politie.userId), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id));

describe('an agreement the actor may not see', () => {
  it('answers like a missing one, with the same statements and the same audit entry', async () => {
    const onHidden = await attempt(() => agreementHistory(politie, hidden));
    const onMissing = await attempt(() => agreementHistory(politie, MISSING));

    expect(onHidden.answer).toEqual({ code: 'NOT_FOUND', message: 'Afspraak niet gevonden.' });
    expect(onMissing.answer).toEqual(onHidden.answer);
    expect(onMissing.statements).toEqual(onHidden.statements);

    const expected = [{ action: 'denied', entity: 'agreement', outcome: 'denied', attempted: 'agreement.list' }];
    expect(await deniedEntries(hidden)).toEqual(expected);
    expect(await deniedEntries(MISSING)).toEqual(expected);
  });

  it('takes the same road for a write as well', async () => {
    const onHidden = await attempt(() => logAction(politie, hidden, { kind: 'voortgang', note: 'Geprobeerd.' }, NOW));
    const onMissing = await attempt(() => logAction(politie, MISSING, { kind: 'voortgang', note: 'Geprobeerd.' }, NOW));
    expect(onMissing.answer).toEqual(onHidden.answer);
    expect(onMissing.statements).toEqual(onHidden.statements);
    expect((await deniedEntries(MISSING))[0]).toEqual((await deniedEntries(hidden))[0]);
  });
});
