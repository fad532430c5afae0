import { NextResponse } from 'next/server';
import { databaseFault } from '@/db/faults';
import { logUnexpected } from './log-safe';

/** Long enough for a restarted server or a freed pool, short enough that a client does not give up. */
export const RETRY_AFTER_SECONDS = 5;

export const DB_UNAVAILABLE_MESSAGE = 'De database is even niet bereikbaar of te druk. Probeer het over enkele seconden opnieuw.';

/**
 * The answer to a database fault (db/faults.ts): 503 with Retry-After and a correlation id; the log line
 * names the kind (db_unavailable, pool_timeout, statement_timeout). Undefined for any other error.
 */
export function dbUnavailableResponse(error: unknown): NextResponse | undefined {
  if (!databaseFault(error)) return undefined;
  const correlationId = logUnexpected('api', error);
  return NextResponse.json(
    { error: DB_UNAVAILABLE_MESSAGE, correlationId },
    { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
  );
}
