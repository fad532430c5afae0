/** A failed call to the JSON API: status 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      credentials: 'same-origin',
      // Errors come back in the language of the page, not in the browser's.
      headers: {
        accept: 'application/json',
        'accept-language': document.documentElement.lang || 'nl',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch {
    throw new ApiError(0, '');
  }
  const body = (await response.json().catch(() => null)) as { error?: string; fieldErrors?: Record<string, string[]> } | null;
  if (!response.ok) throw new ApiError(response.status, body?.error ?? '', body?.fieldErrors);
  return body as T;
}

/** Worth trying again with the same idempotency key: no answer, a server fault, or too many requests. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500);
}
