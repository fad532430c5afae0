import { NextResponse } from 'next/server';
import { dbUnavailableResponse } from './db-unavailable';
import { AppError } from '@/lib/errors';
import { logUnexpected } from './log-safe';

export function jsonError(error: AppError): NextResponse {
  const body: Record<string, unknown> = { error: error.message };
  if (error.fieldErrors) body.fieldErrors = error.fieldErrors;
  const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  const headers = typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : undefined;
  return NextResponse.json(body, { status: error.status, headers });
}

/** Unexpected failures: the client gets a correlation id, the log gets the id, kind and code, never the message. */
export function internalError(error: unknown): NextResponse {
  const correlationId = logUnexpected('api', error);
  return NextResponse.json(
    { error: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', correlationId },
    { status: 500 },
  );
}

export function toErrorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) return jsonError(error);
  return dbUnavailableResponse(error) ?? internalError(error);
}
