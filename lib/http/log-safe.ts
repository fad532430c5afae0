import { randomUUID } from 'node:crypto';
import { databaseFault } from '@/db/faults';
import { log } from '@/lib/log';
import { currentRequestId } from '@/lib/log/request-context';

/**
 * What may reach a technical log about an unexpected error: its kind and database error code, never
 * the message (a failed query's message carries its parameters: names, birth dates, free text). A database
 * fault (db/faults.ts) adds its kind: db_unavailable, pool_timeout or statement_timeout.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const cause = (error as { cause?: unknown }).cause as { code?: unknown; name?: unknown } | undefined;
  const ownCode = (error as { code?: unknown }).code;
  const codeValue = typeof cause?.code === 'string' ? cause.code : typeof ownCode === 'string' ? ownCode : undefined;
  const code = codeValue ? ` code=${codeValue}` : '';
  const causeName = typeof cause?.name === 'string' ? ` cause=${cause.name}` : '';
  const fault = databaseFault(error);
  return `${error.name}${causeName}${code}${fault ? ` kind=${fault}` : ''}`;
}

/** The same as structured log fields: the error's class, its database code and fault kind where known. */
export function errorFields(error: unknown): { error: string; errorCode?: string; kind?: string } {
  if (!(error instanceof Error)) return { error: typeof error };
  const cause = (error as { cause?: unknown }).cause as { code?: unknown } | undefined;
  const ownCode = (error as { code?: unknown }).code;
  const code = typeof cause?.code === 'string' ? cause.code : typeof ownCode === 'string' ? ownCode : undefined;
  const kind = databaseFault(error);
  // errorCode, not code: `code` is censored in every log line (it is what a second-factor form sends).
  return { error: error.name, ...(code ? { errorCode: code } : {}), ...(kind ? { kind } : {}) };
}

/**
 * Logs an unexpected error the one safe way (where, a correlation id, the route pattern, kind and code)
 * and returns the id, which the user is shown so that a report can be matched with the log line. The
 * route is a pattern (`/invite/[token]`), never the path itself, which can hold a secret.
 */
export function logUnexpected(
  where: 'api' | 'action' | 'page',
  error: unknown,
  options: { correlationId?: string; route?: string } = {},
): string {
  const correlationId = options.correlationId ?? currentRequestId() ?? randomUUID();
  log.error(
    { where, correlationId, ...(options.route ? { route: options.route } : {}), ...errorFields(error) },
    `[${where}] ${correlationId}${options.route ? ` ${options.route}` : ''} ${describeError(error)}`,
  );
  return correlationId;
}
