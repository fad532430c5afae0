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
