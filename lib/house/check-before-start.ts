import path from 'node:path';
import { databaseFault } from '@/db/faults';
import { openPglite, openPostgres } from '@/db/open';
import type { Env } from '@/lib/env/schema';
import { startupProblems } from './startup-checks';

/**
 * PgBouncer refuses every connection that carries start-up options it does not know (the app's session
 * bounds), unless told to ignore them: say what to set, instead of its bare protocol error.
 */
export function poolerProblem(error: unknown): string | undefined {
  const message = error instanceof Error ? `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}` : '';
  if (!/unsupported (options )?startup parameter/i.test(message)) return undefined;
  return (
    'De databaseverbinding loopt via een verbindingspooler (PgBouncer) die de opstartopties van Casusregie weigert: ' +
    'zet ignore_startup_parameters = options in pgbouncer.ini en herlaad PgBouncer (Casusregie zet haar tijdgrenzen per transactie; zie docs/operations.md).'
  );
}

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
    const pooler = poolerProblem(error);
    if (pooler) return [pooler];
    throw error;
  } finally {
    await handle.close();
  }
}
