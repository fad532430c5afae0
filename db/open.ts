import fs from 'node:fs/promises';
import path from 'node:path';
import { keepKeysBeside } from '@/lib/crypto/keys';
import * as schema from './schema';
import type { Logger } from 'drizzle-orm/logger';
import { lockDataDir } from './data-dir-lock';
import { logPgliteStatements } from './statement-log';
import { pgliteNotifications, pgNotifications, type Notifications } from './listen';
import { createPool } from './pool';
import { pgliteProbe, postgresProbe } from './probe';
import { APP_STATEMENT_TIMEOUT_MS, sessionOptions, timeoutsFor, transactionSettings } from './timeouts';
import type { Db, DbHandle } from './types';

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** The embedded server with the extensions the migrations create (pg_trgm: case-number search). */
export async function createPgliteClient(dataDir?: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return logPgliteStatements(await PGlite.create(dataDir, { extensions: { pg_trgm } }));
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
    const notifications = pgliteNotifications(opened);
    return { db: db as unknown as Db, kind: 'pglite', probe: pgliteProbe(opened), notifications: () => notifications, close };
  } catch (error) {
    await client?.close().catch(() => undefined);
    unlock();
    throw error;
  }
}

/**
 * A `pg` pool against a PostgreSQL server, every wait bounded (db/timeouts.ts): the app's requests by
 * DATABASE_STATEMENT_TIMEOUT_MS, scripts and scheduled jobs by their own, longer value.
 */
export async function openPostgres(
  connectionString: string,
  options: { max?: number; migrate?: boolean; logger?: Logger; statementTimeoutMs?: number; listenUrl?: string; readyUrl?: string } = {},
): Promise<DbHandle> {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const timeouts = timeoutsFor(options.statementTimeoutMs ?? APP_STATEMENT_TIMEOUT_MS);
  const pool = await createPool(
    {
      connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: timeouts.connectMs,
      query_timeout: timeouts.queryMs || undefined,
      options: sessionOptions(timeouts),
    },
    { onBegin: transactionSettings(timeouts) },
  );
  const db = drizzle({ client: pool, schema, logger: options.logger });
  if (options.migrate) {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(db, { migrationsFolder });
  }
  // Behind PgBouncer the check needs a pool there of its own, or requests queueing for a server connection
  // make every instance unready at once (DATABASE_READY_URL).
  const probe = postgresProbe(options.readyUrl ?? connectionString);
  // Opened on first use only: scripts and the jobs' pool never listen.
  let notifications: Notifications | undefined;
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    probe: probe.check,
    pool: () => ({ size: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: options.max ?? 10 }),
    notifications: () => (notifications ??= pgNotifications(options.listenUrl ?? connectionString)),
    close: async () => {
      await notifications?.close();
      await probe.close();
      await pool.end();
    },
  };
}
