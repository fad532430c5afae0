import { randomUUID } from 'node:crypto';

/**
 * What may reach a technical log about an unexpected error: its kind and database error code, never
 * the message (a failed query's message carries its parameters: names, birth dates, free text).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const cause = (error as { cause?: unknown }).cause as { code?: unknown; name?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? ` code=${cause.code}` : '';
  const causeName = typeof cause?.name === 'string' ? ` cause=${cause.name}` : '';
  return `${error.name}${causeName}${code}`;
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
  const correlationId = options.correlationId ?? randomUUID();
  console.error(`[${where}] ${correlationId}${options.route ? ` ${options.route}` : ''} ${describeError(error)}`);
  return correlationId;
}
