import path from 'node:path';
import { databaseFault } from '@/db/faults';
import { openPglite, openPostgres } from '@/db/open';
import type { Env } from '@/lib/env/schema';
import { startupProblems } from './startup-checks';

/**
 * The start-up checks as scripts/serve.ts makes them before Next starts (Next runs instrumentation.ts
 * without waiting for it, and serves on when it fails): on a connection of its own, closed afterwards.
 * 'unreachable' when the database does not answer: then the server starts and the app checks once it does.
 */
export async function problemsBeforeStart(config: Env): Promise<string[] | 'unreachable'> {
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, { max: 1, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS })
    : await openPglite(path.resolve(config.PGLITE_DIR));
  try {
    return await startupProblems(handle.db, { keys: true });
  } catch (error) {
    if (databaseFault(error)) return 'unreachable';
    throw error;
  } finally {
    await handle.close();
  }
}
