import path from 'node:path';
import { env } from '@/lib/env';
import { openPglite, openPostgres } from './open';
import { releaseParked } from './request-scope';
import type { Db, DbHandle } from './types';

type Holder = { handle?: Promise<DbHandle>; jobs?: Promise<DbHandle>; installed?: boolean };
const holder = ((globalThis as { __casusregieDb?: Holder }).__casusregieDb ??= {});

async function openConfigured(): Promise<DbHandle> {
  const config = env();
  if (config.DATABASE_URL) {
    return openPostgres(config.DATABASE_URL, {
      max: config.DATABASE_POOL_SIZE,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      listenUrl: config.DATABASE_LISTEN_URL,
      readyUrl: config.DATABASE_READY_URL,
    });
  }
  // Reference and demo data are the server start's business (lib/boot/database.ts), not the opener's.
  return openPglite(path.resolve(config.PGLITE_DIR));
}

/**
 * The process-wide database, opened on first use (never at import time or during `next build`). Work on
 * it other than the request's own transaction first commits that one if still parked (db/request-scope.ts).
 */
export async function getDb(): Promise<Db> {
  await releaseParked();
  return (await getDbHandle()).db;
}

export function getDbHandle(): Promise<DbHandle> {
  holder.handle ??= openConfigured().catch((error) => {
    holder.handle = undefined;
    throw error;
  });
  return holder.handle;
}

/**
 * The database for scheduled work inside the server (sweep, retention): on a server a small pool of its own
 * with the jobs' longer timeout (a sweep at 200,000 cases runs statements of seconds), so a request's
 * bound does not cut it off and a long job does not take the requests' connections. Embedded: the one database.
 */
export async function getJobDb(): Promise<Db> {
  const config = env();
  if (holder.installed || !config.DATABASE_URL) return getDb();
  holder.jobs ??= openPostgres(config.DATABASE_URL, { max: 2, statementTimeoutMs: config.DATABASE_JOB_STATEMENT_TIMEOUT_MS }).catch((error) => {
    holder.jobs = undefined;
    throw error;
  });
  return (await holder.jobs).db;
}

/** Tests install their own database (a fresh PGlite or a fresh database on the CI server). */
export function installDb(handle: DbHandle): void {
  holder.handle = Promise.resolve(handle);
  holder.installed = true;
}

export async function closeDb(): Promise<void> {
  const pending = [holder.handle, holder.jobs];
  holder.handle = holder.jobs = undefined;
  holder.installed = false;
  for (const handle of pending) if (handle) await (await handle.catch(() => undefined))?.close();
}
