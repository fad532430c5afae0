import type { Db } from '@/db/types';

/*
 * One run at a time across app instances, for work that commits in many small transactions (so the lock
 * cannot live in the work's own transaction, as the sweep's does). On PostgreSQL a connection of its own
 * holds an open transaction with a transaction-scoped advisory lock for the whole run: PgBouncer in
 * transaction pooling keeps that server connection with it until COMMIT, where a session-level lock would
 * be taken on one server connection and "released" on another, and then block every later run for as
 * long as the first one lives. PostgreSQL releases the lock when the transaction or its connection ends,
 * so a crashed run never leaves it behind.
 */

interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
interface PoolLike {
  connect(): Promise<Queryable & { release(destroy?: boolean): void }>;
}

// Advisory locks are re-entrant within one session: on the single connection of the embedded database
// a second run in the same process would get the lock again, so runs in this process are tracked too.
const running = new Set<number>();

const isPool = (client: unknown): client is PoolLike =>
  typeof client === 'object' && client !== null && 'totalCount' in client && typeof (client as { connect?: unknown }).connect === 'function';

/** Runs `fn` holding the lock `key`, or answers `{ acquired: false }` at once when another run holds it. */
export async function withRunLock<T>(db: Db, key: number, fn: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }> {
  if (running.has(key)) return { acquired: false };
  running.add(key);
  try {
    const client = (db as unknown as { $client: unknown }).$client;
    // The embedded database has one connection, on which the work runs its own transactions: a session lock.
    if (!isPool(client)) return await withSessionLock(client as Queryable, key, fn);
    // A pool (PostgreSQL): one connection is kept for the lock, the work uses the others.
    const session = await client.connect();
    let broken = false;
    try {
      await session.query('begin');
      // The holder is idle in its transaction for as long as the run takes: that is its purpose.
      const { rows } = await session.query(
        "select set_config('idle_in_transaction_session_timeout', '0', true), pg_try_advisory_xact_lock($1) as ok",
        [key],
      );
      if (!rows[0]?.ok) return { acquired: false };
      return { acquired: true, value: await fn() };
    } finally {
      // Ends the transaction and with it the lock; a connection that failed is not given back to the pool.
      await session.query('rollback').catch(() => (broken = true));
      session.release(broken);
    }
  } finally {
    running.delete(key);
  }
}

async function withSessionLock<T>(session: Queryable, key: number, fn: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const { rows } = await session.query('select pg_try_advisory_lock($1) as ok', [key]);
  if (!rows[0]?.ok) return { acquired: false };
  try {
    return { acquired: true, value: await fn() };
  } finally {
    await session.query('select pg_advisory_unlock($1)', [key]);
  }
}
