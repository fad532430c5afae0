import fs from 'node:fs/promises';
import path from 'node:path';
import { keepKeysBeside } from '@/lib/crypto/keys';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';
import type { Logger } from 'drizzle-orm/logger';
import type { Db, DbHandle } from './types';

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** The embedded server with the extensions the migrations create (pg_trgm: case-number search). */
export async function createPgliteClient(dataDir?: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return PGlite.create(dataDir, { extensions: { pg_trgm } });
}

/**
 * Opens embedded PGlite; `dataDir` undefined means in memory (tests). A directory is this process's alone
 * until the handle is closed: another process holding it makes this throw DataDirLockedError before
 * anything is written (db/data-dir-lock.ts).
 */
export async function openPglite(dataDir?: string): Promise<DbHandle> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let client: Awaited<ReturnType<typeof createPgliteClient>> | undefined;
  try {
    if (dataDir) {
      await fs.mkdir(dataDir, { recursive: true });
      keepKeysBeside(dataDir);
    }
    client = await createPgliteClient(dataDir);
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder });
    const opened = client;
    const close = async () => {
      try {
        await opened.close();
      } finally {
        unlock();
      }
    };
    return { db: db as unknown as Db, kind: 'pglite', close };
  } catch (error) {
    await client?.close().catch(() => undefined);
    unlock();
    throw error;
  }
}

export async function openPostgres(
  connectionString: string,
  options: { max?: number; migrate?: boolean; logger?: Logger } = {},
): Promise<DbHandle> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // JIT compilation pays off for long analytic queries only; for this app's short statements it costs more
  // than it saves (700 ms to compile a 20 ms query whose cost estimate row-level security inflated).
  const pool = new Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5000, options: '-c jit=off' });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error('[db] idle connection lost:', (error as { code?: string }).code ?? error.name));
  const db = drizzle({ client: pool, schema, logger: options.logger });
  if (options.migrate) {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(db, { migrationsFolder });
  }
  return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
}
