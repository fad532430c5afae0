import path from 'node:path';
import { env, isEmbedded } from '@/lib/env';
import { loadReferenceData } from '@/lib/reference/load';
import { seedDemo, shouldSeedDemo } from '@/lib/seed/demo';
import { openPglite, openPostgres } from './open';
import type { Db, DbHandle } from './types';

type Holder = { handle?: Promise<DbHandle> };
const holder = ((globalThis as { __casusregieDb?: Holder }).__casusregieDb ??= {});

async function openConfigured(): Promise<DbHandle> {
  const config = env();
  if (config.DATABASE_URL) {
    return openPostgres(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE });
  }
  const handle = await openPglite(path.resolve(config.PGLITE_DIR));
  await loadReferenceData(handle.db);
  if (await shouldSeedDemo(handle.db, config.DEMO_DATA, isEmbedded())) await seedDemo(handle.db);
  return handle;
}

/** The process-wide database, opened on first use (never at import time or during `next build`). */
export async function getDb(): Promise<Db> {
  holder.handle ??= openConfigured().catch((error) => {
    holder.handle = undefined;
    throw error;
  });
  return (await holder.handle).db;
}

/** Tests install their own database (a fresh PGlite or a fresh database on the CI server). */
export function installDb(handle: DbHandle): void {
  holder.handle = Promise.resolve(handle);
}

export async function closeDb(): Promise<void> {
  const pending = holder.handle;
  holder.handle = undefined;
  if (pending) await (await pending).close();
}
