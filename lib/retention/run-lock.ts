import type { Db } from '@/db/types';

/*
 * One run at a time across app instances, for work that commits in many small transactions (so a
 * transaction-scoped lock, as the sweep takes, cannot span it). A session-level advisory lock is held
 * on a connection of its own for the whole run; PostgreSQL releases it when that connection ends, so a
 * crashed run never leaves the lock behind.
 */

interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
interface PoolLike {
  connect(): Promise<Queryable & { release(): void }>;
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
    // A pool (PostgreSQL): one connection is kept for the lock, the work uses the others.
    const session = isPool(client) ? await client.connect() : (client as Queryable);
    try {
      const { rows } = await session.query('select pg_try_advisory_lock($1) as ok', [key]);
      if (!rows[0]?.ok) return { acquired: false };
      try {
        return { acquired: true, value: await fn() };
      } finally {
        await session.query('select pg_advisory_unlock($1)', [key]);
      }
    } finally {
      if ('release' in session && typeof session.release === 'function') session.release();
    }
  } finally {
    running.delete(key);
  }
}
