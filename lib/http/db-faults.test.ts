/**
 * Database faults against the real PostgreSQL server (TEST_DATABASE_URL), reached through a relay that can
 * stop or freeze like a failing server or network: a statement behind a table lock, a backend terminated by
 * an administrator, a connection lost inside a transaction, a frozen and a stopped server. Each answers 503
 * with Retry-After within its bound and logs the fault's kind; none answers 500, hangs, or crashes the process.
 */
// First: it sets up the request scopes Next's modules expect before any of them loads.
import { callRoute, signedInBrowser } from '@/lib/testing/next-request';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, installDb } from '@/db/client';
import { databaseFault } from '@/db/faults';
import { openPostgres } from '@/db/open';
import type { DbHandle } from '@/db/types';
import { onRequestError } from '@/instrumentation';
import { handleForm } from '@/lib/forms/action-state';
import { checkReadiness } from '@/lib/house/health';
import { repeat } from '@/lib/jobs/repeat';
import { RETRY_AFTER_FAULT_MS, scheduledSweep } from '@/lib/jobs/embedded-scheduler';
import { pgRelay } from '@/lib/testing/pg-relay';
import { createServerDatabase } from '@/db/testing';
import { captureLog } from '@/lib/log/testing';
import { z } from '@/lib/validation/zod';
import { createDemoServerDatabase } from '@/lib/testing/server-database';

process.env.AUTH_SECRET ??= 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const serverUrl = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
const NOW = new Date('2026-03-04T10:00:00+01:00');
const ORIGIN = 'http://localhost:3000';
/** The bound these tests run with (DATABASE_STATEMENT_TIMEOUT_MS); the client gives up 2 s after it. */
const STATEMENT_MS = 1000;

describe.skipIf(!serverUrl)('database faults answer 503, never hang', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  const relay = pgRelay(new URL(serverUrl ?? 'postgres://x@127.0.0.1:1/x'));
  let handle: DbHandle;
  let direct: pg.Client;
  let cookie: string;
  let logged: ReturnType<typeof captureLog>;
  /** The texts, one a line, then every field of every line (for what must not be there). */
  const logText = () => `${logged.messages()}\n${logged.raw()}`;

  beforeAll(async () => {
    database = await createDemoServerDatabase(serverUrl!, NOW);
    await relay.start();
    handle = await openPostgres(relay.via(database.url), { max: 2, statementTimeoutMs: STATEMENT_MS });
    installDb(handle);
    ({ cookie } = await signedInBrowser('regisseur@example.org'));
    direct = new pg.Client({ connectionString: database.url });
    await direct.connect();
  });
  afterAll(async () => {
    await direct?.end();
    await relay.stop();
    await closeDb();
    await database?.drop();
  });
  beforeEach(() => {
    logged = captureLog('error');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await direct.query('rollback').catch(() => undefined);
    relay.thaw();
  });

  const listCases = async () => {
    const started = Date.now();
    const response = await callRoute('/api/v1/cases', new Request(`${ORIGIN}/api/v1/cases`, { headers: { cookie } }));
    return { response, status: response.status, ms: Date.now() - started };
  };
  /** More requests at once than the pool has connections: all 200 only if no connection was lost for good. */
  const allConnectionsBack = async () => {
    expect((await Promise.all(Array.from({ length: 4 }, () => listCases()))).map((a) => a.status)).toEqual([200, 200, 200, 200]);
    // Every connection is back in the pool: none is held by a request that gave up on it.
    await vi.waitFor(() => expect(handle.pool!().idle).toBe(handle.pool!().size), { timeout: 3000 });
  };
  const lockCases = async () => {
    await direct.query('begin');
    await direct.query('lock table cases in access exclusive mode');
  };
  /** The backend of a request that waits for the lock on `cases`. */
  const waitingBackend = async () => {
    for (let i = 0; i < 100; i += 1) {
      const { rows } = await direct.query<{ pid: number }>(
        "select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
      );
      if (rows[0]) return rows[0].pid;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('no request waits for the lock');
  };

  it('a statement blocked by a table lock answers 503 with Retry-After within the bound, and 200 once the lock is gone', async () => {
    expect((await listCases()).status).toBe(200);
    await lockCases();
    const { response, status, ms } = await listCases();
    expect(status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const body = (await response.json()) as { error: string; correlationId: string };
    expect(body.error).toMatch(/database is even niet bereikbaar of te druk/);
    expect(ms).toBeLessThan(STATEMENT_MS + 1500);
    expect(logText()).toMatch(new RegExp(`^\\[api\\] ${body.correlationId} .*code=55P03 kind=statement_timeout$`, 'm'));
    await direct.query('rollback');
    expect((await listCases()).status).toBe(200);
  });

  it('while a table lock holds every pooled connection, readiness (its own connection) stays 200 and reports the waiting', async () => {
    await lockCases();
    const requests = Array.from({ length: 4 }, () => listCases());
    await waitingBackend();
    const ready = await checkReadiness(1000);
    expect(ready.database.ok).toBe(true);
    expect(ready.pool).toMatchObject({ max: 2, size: 2 });
    expect(ready.pool!.waiting).toBeGreaterThan(0);
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.status)).toEqual([503, 503, 503, 503]);
    // Two wait for the lock, two for a connection: at most twice the bound.
    for (const a of answers) expect(a.ms).toBeLessThan(2 * STATEMENT_MS + 1500);
    expect(logText()).toMatch(/kind=(statement_timeout|pool_timeout)/);
  });

  it('a backend terminated by an administrator (57P01) answers 503, not 500; the next request gets a new connection', async () => {
    await lockCases();
    const request = listCases();
    await direct.query('select pg_terminate_backend($1)', [await waitingBackend()]);
    const { response, status } = await request;
    expect(status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(logText()).toMatch(/^\[api\] .*kind=db_unavailable$/m);
    await direct.query('rollback');
    expect((await listCases()).status).toBe(200);
  });

  it('a connection lost between two statements of a transaction fails that transaction only, never the process', async () => {
    const failure = await handle.db
      .transaction(async (tx) => {
        const { rows } = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
        await direct.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
        // The connection's error arrives while no statement runs: with nobody listening it would crash the process.
        await new Promise((r) => setTimeout(r, 300));
        await tx.execute(sql`select 1`);
      })
      .catch((error: unknown) => error);
    expect(databaseFault(failure)).toBe('db_unavailable');
    expect((await listCases()).status).toBe(200);
  });

  it('a frozen server: requests answer 503 within the client bound, readiness says so, and all is well once it thaws', async () => {
    expect((await listCases()).status).toBe(200);
    relay.freeze();
    const answers = await Promise.all(Array.from({ length: 4 }, () => listCases()));
    expect(answers.map((a) => a.status)).toEqual([503, 503, 503, 503]);
    for (const a of answers) expect(a.ms).toBeLessThan(2 * (STATEMENT_MS + 2000) + 1500);
    expect(logText()).toMatch(/kind=(statement_timeout|pool_timeout)/);
    const ready = await checkReadiness(1000);
    expect(ready.database).toMatchObject({ ok: false });
    relay.thaw();
    await vi.waitFor(async () => expect((await listCases()).status).toBe(200), { timeout: 8000, interval: 200 });
    await allConnectionsBack();
  }, 30_000);

  it('a stopped server answers 503 db_unavailable, readiness names the refusal, and the app recovers when it returns', async () => {
    await relay.stop();
    const { status, response } = await listCases();
    expect(status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(logText()).toMatch(/kind=db_unavailable/);
    // Refused (ECONNREFUSED), or reset when the check's own connection was open when the server went.
    expect((await checkReadiness(1000)).database).toMatchObject({ ok: false, kind: 'db_unavailable' });
    await relay.start();
    await vi.waitFor(async () => expect((await listCases()).status).toBe(200), { timeout: 8000, interval: 200 });
    await allConnectionsBack();
  });

  it('a form and a page meet the fault: the form keeps what was typed and says to try again; the log names the kind', async () => {
    await lockCases();
    const form = new FormData();
    form.append('name', 'Jan de Vries');
    const { state } = await handleForm(form, z.strictObject({ name: z.string() }), () =>
      handle.db.execute(sql`select count(*) from cases`),
    );
    expect(state).toMatchObject({ ok: false, values: { name: 'Jan de Vries' } });
    expect(state.message).toMatch(/^De database is even niet bereikbaar of te druk\. .*Wat je invulde staat nog in het formulier/);
    const pageError = await handle.db.execute(sql`select count(*) from cases`).catch((error: unknown) => error);
    await onRequestError(pageError, { path: '/cases', method: 'GET', headers: {} }, {
      routerKind: 'App Router',
      routePath: '/cases',
      routeType: 'render',
      renderSource: 'react-server-components',
      revalidateReason: undefined,
    });
    expect(logText()).toMatch(/^\[page\] \S+ \/cases .*kind=statement_timeout$/m);
    expect(logText()).not.toContain('Jan de Vries');
  });

  it('a scheduled sweep that failed while the database was away runs again soon after it returns, not a period later', async () => {
    expect(RETRY_AFTER_FAULT_MS).toBeLessThanOrEqual(60_000);
    await relay.stop();
    const runs: boolean[] = [];
    const schedule = repeat(
      async () => {
        const ok = await scheduledSweep(NOW);
        runs.push(ok);
        return ok;
      },
      { firstMs: 0, everyMs: 3_600_000, retryMs: 300 },
    );
    try {
      await vi.waitFor(() => expect(runs).toContain(false), { timeout: 5000 });
      expect(logText()).toMatch(/^\[sweep\] .*kind=db_unavailable$/m);
      await relay.start();
      await vi.waitFor(() => expect(runs.at(-1)).toBe(true), { timeout: 10_000 });
    } finally {
      schedule.stop();
    }
    // Once it succeeded it waits for the next period.
    expect(runs.filter((ok) => ok)).toHaveLength(1);
    const { rows } = await direct.query<{ n: number }>('select count(*)::int as n from signals');
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('fault experiment: steady requests through a lock, terminated backends, a freeze and a stop answer 200 or 503, none slower than the bounds', async () => {
    const counts = { requests: 0, ok: 0, unavailable: 0, otherServerErrors: 0, slowestMs: 0 };
    let running = true;
    const worker = async () => {
      while (running) {
        const { status, ms } = await listCases();
        counts.requests += 1;
        counts.slowestMs = Math.max(counts.slowestMs, ms);
        if (status === 200) counts.ok += 1;
        else if (status === 503) counts.unavailable += 1;
        else if (status >= 500) counts.otherServerErrors += 1;
      }
    };
    const workers = Array.from({ length: 4 }, () => worker());
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await pause(1000);
    await lockCases();
    await pause(2000);
    for (let i = 0; i < 5; i += 1) {
      await direct.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'",
      );
      await pause(300);
    }
    await direct.query('rollback');
    relay.freeze();
    await pause(3000);
    relay.thaw();
    await relay.stop();
    await pause(1500);
    await relay.start();
    await pause(3000);
    running = false;
    await Promise.all(workers);
    console.warn(`[fault experiment] ${JSON.stringify(counts)}`);
    expect(counts.otherServerErrors).toBe(0);
    expect(counts.ok + counts.unavailable).toBe(counts.requests);
    expect(counts.unavailable).toBeGreaterThan(0);
    // Waiting for a connection, then for an answer that does not come: the two client bounds at most.
    expect(counts.slowestMs).toBeLessThan(STATEMENT_MS + (STATEMENT_MS + 2000) + 1500);
    await allConnectionsBack();
  }, 40_000);
});
