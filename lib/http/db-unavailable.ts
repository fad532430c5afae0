import { NextResponse } from 'next/server';
import { databaseFault } from '@/db/faults';
import { msg, render, type ErrorLocale } from '@/lib/errors';
import { RETRY_AFTER_SECONDS } from './db-unavailable-text';
import { logUnexpected } from './log-safe';

/**
 * The answer to a database fault (db/faults.ts): 503 with Retry-After and a correlation id; the log line
 * names the kind (db_unavailable, pool_timeout, statement_timeout). Undefined for any other error.
 * The message is in the reader's (negotiated) language.
 */
export function dbUnavailableResponse(error: unknown, locale: ErrorLocale = 'nl'): NextResponse | undefined {
  if (!databaseFault(error)) return undefined;
  const correlationId = logUnexpected('api', error);
  return NextResponse.json(
    { error: render(msg('http.databaseAway'), locale), correlationId },
    { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
  );
}
