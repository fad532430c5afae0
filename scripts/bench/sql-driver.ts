import type { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '@/db/data-dir-lock';
import { createPgliteClient } from '@/db/open';
import type { Pool } from 'pg';

/** One statement of an endpoint's work, as the floor and the SQL runner execute it. */
export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * The database as the floor and the SQL runner see it: the owner's connection, no session, no role
 * switch, no row-level security. A pool of `DATABASE_POOL_SIZE` connections on a server (like the app);
 * the single PGlite connection on the embedded database.
 */
export interface SqlDriver {
  kind: 'postgres' | 'pglite';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs the statements in one transaction, as the app does per request; returns the last result. */
  transaction(statements: Statement[]): Promise<Record<string, unknown>[]>;
  /**
   * Waits until no query started by a connection opened since `since` is still running (PostgreSQL
   * only): requests a load generator gave up on at the end of a measurement keep the server busy, and
   * must not slow down the next one. Gives up after `timeoutMs`.
   */
  settle(since: Date, timeoutMs?: number): Promise<void>;
  /**
   * What follows runs with `app.user_id` set for the whole connection (the app's views read it), once,
   * not per transaction: on a server a pool per user, on PGlite one session setting.
   */
  forUser(userId: string): Promise<void>;
  close(): Promise<void>;
}

export async function openSqlDriver(target: { databaseUrl?: string; pgliteDir?: string; poolSize?: number }): Promise<SqlDriver> {
  if (target.databaseUrl) {
    const { Pool } = await import('pg');
    // Configured like the app's pool (db/open.ts), JIT off included, so that the floor differs by the framework only.
    const url = target.databaseUrl;
    return pgDriver((userId) =>
      new Pool({ connectionString: url, max: target.poolSize ?? 10, options: `-c jit=off${userId ? ` -c app.user_id=${userId}` : ''}` }));
  }
  // The embedded directory is one process's at a time (db/data-dir-lock.ts), the bench's phases included.
  const unlock = lockDataDir(target.pgliteDir!);
  try {
    const driver = pgliteDriver(await createPgliteClient(target.pgliteDir!));
    return { ...driver, close: () => driver.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw error;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pgDriver(open: (userId?: string) => Pool): SqlDriver {
  const pools = new Map<string, Pool>();
  let pool = open();
  pools.set('', pool);
  return {
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    async transaction(statements) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        let rows: Record<string, unknown>[] = [];
        for (const s of statements) rows = (await client.query(s.text, s.params)).rows;
        await client.query('commit');
        return rows;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async settle(since, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const { rows } = await pool.query(
          `select count(*)::int as n from pg_stat_activity
           where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and backend_start >= $1`,
          [since],
        );
        if (rows[0].n === 0) return;
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async forUser(userId) {
      if (!UUID.test(userId)) throw new Error(`geen gebruikers-id: ${userId}`);
      pool = pools.get(userId) ?? open(userId);
      pools.set(userId, pool);
    },
    close: async () => {
      await Promise.all([...pools.values()].map((p) => p.end()));
    },
  };
}

function pgliteDriver(db: PGlite): SqlDriver {
  return {
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      return (await db.query<T>(text, params)).rows;
    },
    transaction(statements) {
      return db.transaction(async (tx) => {
        let rows: Record<string, unknown>[] = [];
        for (const s of statements) rows = (await tx.query<Record<string, unknown>>(s.text, s.params)).rows;
        return rows;
      });
    },
    // One process owns the embedded database: the bench cannot look into the server's queue.
    async settle() {},
    async forUser(userId) {
      await db.query(`select set_config('app.user_id', $1, false)`, [userId]);
    },
    close: () => db.close(),
  };
}
