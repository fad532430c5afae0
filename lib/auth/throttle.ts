import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { rateLimits } from '@/db/schema';
import { queryRows } from '@/db/query';
import type { Executor } from '@/db/types';
import { metrics } from '@/lib/metrics/registry';

/**
 * Throttling kept in PostgreSQL (table rate_limits), so that it holds across restarts and across app
 * instances behind a load balancer, and so that the counter moves in the same transaction as the sign-in
 * it counts. One row per key; `hits` counts within a fixed window that starts at the first hit.
 *
 * Sign-in (password or second-factor code):
 * - per account: 10 failed attempts within 24 hours lock the account for 15 minutes; while locked every
 *   attempt is refused, the right password too, with the same answer as a wrong one. After the lock, each
 *   further failure locks again for 15 minutes, until a sign-in succeeds (which clears the count).
 *   Unknown accounts are counted and locked exactly like real ones.
 * - per IP address: 50 failed attempts within 15 minutes refuse every sign-in from that address for the
 *   rest of those 15 minutes.
 * An attempt is counted before its password is checked (and released when it succeeds), so a burst of
 * parallel guesses cannot slip more than the limit past the lock.
 */
export const SIGN_IN_THROTTLE = {
  accountMaxFailures: 10,
  accountWindowMs: 24 * 60 * 60 * 1000,
  accountLockMs: 15 * 60 * 1000,
  ipMaxFailures: 50,
  ipWindowMs: 15 * 60 * 1000,
} as const;

/** Limits on expensive or enumerating reads, per user. */
export const RATE_LIMITS = {
  /** Case searches (a list request with a search term), API and page alike. */
  search: { limit: 30, windowMs: 60 * 1000 },
  /** Exports (CSV, ICS, art. 15 exports): each produces a file with personal data. */
  export: { limit: 10, windowMs: 10 * 60 * 1000 },
} as const;
export type RateLimitName = keyof typeof RATE_LIMITS;

const iso = (d: Date) => d.toISOString();

interface Counter {
  hits: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

/** Adds one hit to `key` (a new window when the old one has passed); a locked key is not counted. */
async function hit(db: Executor, key: string, windowMs: number, now: Date): Promise<Counter> {
  const cutoff = new Date(now.getTime() - windowMs);
  const expired = sql`${rateLimits.windowStart} <= ${iso(cutoff)}::timestamptz`;
  const locked = sql`coalesce(${rateLimits.lockedUntil} > ${iso(now)}::timestamptz, false)`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, hits: 1, windowStart: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${locked} then ${rateLimits.hits} when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
        windowStart: sql`case when not ${locked} and ${expired} then ${iso(now)}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ hits: rateLimits.hits, windowStart: rateLimits.windowStart, lockedUntil: rateLimits.lockedUntil });
  return row!;
}

async function release(db: Executor, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export interface AttemptKeys {
  email: string;
  ip?: string | null;
}

export type AttemptGate = { allowed: true } | { allowed: false; reason: 'locked' | 'ip-throttled' };

/** Counts a sign-in attempt before it is checked; refuses it while the account or the address is blocked. */
export async function beginSignInAttempt(db: Executor, keys: AttemptKeys, now = new Date()): Promise<AttemptGate> {
  if (keys.ip) {
    const ip = await hit(db, ipKey(keys.ip), SIGN_IN_THROTTLE.ipWindowMs, now);
    if (ip.hits > SIGN_IN_THROTTLE.ipMaxFailures) {
      await release(db, ipKey(keys.ip));
      metrics().signInFailures.inc({ reason: 'ip-throttled' });
      return { allowed: false, reason: 'ip-throttled' };
    }
  }
  const account = await hit(db, accountKey(keys.email), SIGN_IN_THROTTLE.accountWindowMs, now);
  if (account.lockedUntil && account.lockedUntil > now) {
    if (keys.ip) await release(db, ipKey(keys.ip));
    metrics().signInFailures.inc({ reason: 'locked' });
    return { allowed: false, reason: 'locked' };
  }
  return { allowed: true };
}

/** The attempt failed: it stays counted; at the limit the account is locked. True when it is now locked. */
export async function settleFailedAttempt(db: Executor, keys: AttemptKeys, now = new Date()): Promise<boolean> {
  const until = new Date(now.getTime() + SIGN_IN_THROTTLE.accountLockMs);
  const locked = await db
    .update(rateLimits)
    .set({ lockedUntil: until })
    .where(and(eq(rateLimits.key, accountKey(keys.email)), sql`${rateLimits.hits} >= ${SIGN_IN_THROTTLE.accountMaxFailures}`))
    .returning({ key: rateLimits.key });
  metrics().signInFailures.inc({ reason: 'rejected' });
  if (locked.length > 0) metrics().signInLocks.inc();
  return locked.length > 0;
}

/** The password was right and the second factor is still to come: the attempt is no failure. */
export async function releaseAttempt(db: Executor, keys: AttemptKeys): Promise<void> {
  await release(db, accountKey(keys.email));
  if (keys.ip) await release(db, ipKey(keys.ip));
}

/** Signed in completely: the account's failures are forgotten. */
export async function clearSignInFailures(db: Executor, keys: AttemptKeys): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, accountKey(keys.email)));
  if (keys.ip) await release(db, ipKey(keys.ip));
}

/** Until when the account is locked, or null (for an admin screen and the tests). */
export async function accountLockedUntil(db: Executor, email: string, now = new Date()): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: rateLimits.lockedUntil }).from(rateLimits).where(eq(rateLimits.key, accountKey(email)));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Lifts a lock (an admin's "unlock", later). */
export async function unlockAccount(db: Executor, email: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, accountKey(email)));
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one use of a limited read by `subject` (a user id); refuses it over the limit. */
export async function consumeRateLimit(
  db: Executor,
  name: RateLimitName,
  subject: string,
  now = new Date(),
): Promise<RateLimitResult> {
  return verdict(await hit(db, `${name}:${subject}`, RATE_LIMITS[name].windowMs, now), name, now);
}

/**
 * The same count for the user of the transaction it runs in (drizzle/0044): for a limited read inside the
 * request's own transaction, so the count costs one statement and no transaction of the owner's.
 */
export async function consumeOwnRateLimit(tx: Executor, name: RateLimitName, now = new Date()): Promise<RateLimitResult> {
  const { windowMs } = RATE_LIMITS[name];
  const [row] = await queryRows<{ hits: number; window_start: Date | string }>(
    tx,
    sql`select o_hits as hits, o_window_start as window_start from consume_own_rate_limit(${name}, ${windowMs}, ${iso(now)}::timestamptz)`,
  );
  return verdict({ hits: row!.hits, windowStart: new Date(row!.window_start) }, name, now);
}

function verdict(counter: Pick<Counter, 'hits' | 'windowStart'>, name: RateLimitName, now: Date): RateLimitResult {
  const { limit, windowMs } = RATE_LIMITS[name];
  if (counter.hits <= limit) return { allowed: true };
  const retryAfterMs = counter.windowStart.getTime() + windowMs - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** Drops counters whose window ended a day ago and that hold no lock (the table stays small). */
export async function pruneRateLimits(db: Executor, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - SIGN_IN_THROTTLE.accountWindowMs - 24 * 60 * 60 * 1000);
  await db
    .delete(rateLimits)
    .where(and(lt(rateLimits.windowStart, cutoff), or(isNull(rateLimits.lockedUntil), lt(rateLimits.lockedUntil, now))));
}
