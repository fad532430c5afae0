import { NextResponse } from 'next/server';
import { dbUnavailableResponse } from './db-unavailable';
import { AppError, msg, render, type ErrorLocale } from '@/lib/errors';
import { logUnexpected } from './log-safe';

/** An expected failure in the reader's language (Dutch unless asked), in the shape of docs/api.md. */
export function jsonError(error: AppError, locale: ErrorLocale = 'nl'): NextResponse {
  const { message, fieldErrors } = error.localized(locale);
  const body: Record<string, unknown> = { error: message };
  if (fieldErrors) body.fieldErrors = fieldErrors;
  const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  const headers = typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : undefined;
  return NextResponse.json(body, { status: error.status, headers });
}

/** Unexpected failures: the client gets a correlation id, the log gets the id, kind and code, never the message. */
export function internalError(error: unknown, locale: ErrorLocale = 'nl'): NextResponse {
  const correlationId = logUnexpected('api', error);
  return NextResponse.json({ error: render(msg('common.unexpected'), locale), correlationId }, { status: 500 });
}

export function toErrorResponse(error: unknown, locale: ErrorLocale = 'nl'): NextResponse {
  if (error instanceof AppError) return jsonError(error, locale);
  return dbUnavailableResponse(error, locale) ?? internalError(error, locale);
}
