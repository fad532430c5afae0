import type { Executor } from '@/db/types';
import { AppError, msg } from '@/lib/errors';
import { consumeOwnRateLimit, type RateLimitName } from './throttle';

export const RATE_LIMIT_MESSAGES: Record<RateLimitName, string> = {
  search: msg('http.tooManySearches'),
  export: msg('http.tooManyExports'),
};

/** 429: the message says what to do; Retry-After says when. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message);
  }
}

/**
 * Counts one search or export inside a transaction that is already the actor's (`asUser`): one statement
 * in the request's own transaction. Thrown, the 429 rolls that transaction back, so the refused read
 * itself leaves nothing.
 */
export async function enforceRateLimitIn(tx: Executor, name: RateLimitName, now = new Date()): Promise<void> {
  const result = await consumeOwnRateLimit(tx, name, now);
  if (!result.allowed) throw new RateLimitedError(RATE_LIMIT_MESSAGES[name], result.retryAfterSeconds);
}
