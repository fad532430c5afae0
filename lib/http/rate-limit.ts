import 'server-only';
import { asSystem } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { RATE_LIMIT_MESSAGES, RateLimitedError } from '@/lib/auth/limited-read';
import { consumeRateLimit, RATE_LIMITS, type RateLimitName } from '@/lib/auth/throttle';

export { RateLimitedError, RATE_LIMITS };

/**
 * Counts one search or export for the actor and throws 429 over the limit (lib/auth/throttle.ts holds
 * the limits), in a transaction of its own: for work that runs before the actor's own transaction.
 * Inside it, `enforceRateLimitIn` (lib/auth/limited-read.ts) counts in the same statement stream.
 */
export async function enforceRateLimit(actor: Actor, name: RateLimitName, now = new Date()): Promise<void> {
  const result = await asSystem((tx) => consumeRateLimit(tx, name, actor.userId, now));
  if (!result.allowed) throw new RateLimitedError(RATE_LIMIT_MESSAGES[name], result.retryAfterSeconds);
}
