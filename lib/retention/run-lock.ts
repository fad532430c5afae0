import type { Db } from '@/db/types';

/*
 * One run at a time across app instances, for work that commits in many small transactions (so a
 * transaction-scoped lock, as the sweep takes, cannot span it). On PostgreSQL the lock is taken in a
 * transaction of its own, held open on a connection of its own for the whole run: behind PgBouncer's
 * transaction pooling that keeps the one server connection that holds the lock (a session-level lock
 * would stay behind on a server connection that then serves other clients, and its unlock would run on
 * another). PostgreSQL releases it when the transaction or connection ends, so a crashed run never leaves
 * the lock behind.
 */

interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
interface PoolLike {
  connect(): Promise<Queryable & { release(error?: Error): void }>;
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
    return isPool(client) ? await inTransaction(client, key, fn) : await inSession(client as Queryable, key, fn);
  } finally {
    running.delete(key);
  }
}

/** A pool (PostgreSQL): one connection holds the lock in an open transaction, the work uses the others. */
async function inTransaction<T>(pool: PoolLike, key: number, fn: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const holder = await pool.connect();
  try {
    await holder.query('begin');
    // The holder is idle in its transaction for as long as the run takes: that is its purpose.
    const { rows } = await holder.query(
      "select set_config('idle_in_transaction_session_timeout', '0', true), pg_try_advisory_xact_lock($1) as ok",
      [key],
    );
    if (!rows[0]?.ok) return { acquired: false };
    return { acquired: true, value: await fn() };
  } finally {
    // A connection that cannot even roll back is not given to the next user.
    const failed = await holder.query('rollback').then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    holder.release(failed);
  }
}

/** The embedded database: its one connection is the session; nothing else can take the lock over. */
async function inSession<T>(session: Queryable, key: number, fn: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const { rows } = await session.query('select pg_try_advisory_lock($1) as ok', [key]);
  if (!rows[0]?.ok) return { acquired: false };
  try {
    return { acquired: true, value: await fn() };
  } finally {
    await session.query('select pg_advisory_unlock($1)', [key]);
  }
}
