import { NextResponse } from 'next/server';
import { databaseFault } from '@/db/faults';
import { DB_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from './db-unavailable-text';
import { logUnexpected } from './log-safe';

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
