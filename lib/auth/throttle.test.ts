import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { consumeRateLimit, pruneRateLimits, RATE_LIMITS } from './throttle';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase();
});
afterAll(() => closeDb());

describe('rate limits on search and export', () => {
  it('allows the limit per window per user, then refuses with the seconds until the window ends', async () => {
    const start = new Date('2026-11-23T10:00:00Z');
    const { limit, windowMs } = RATE_LIMITS.search;
    for (let i = 0; i < limit; i++) {
      expect(await consumeRateLimit(handle.db, 'search', 'user-a', new Date(start.getTime() + i * 100))).toEqual({ allowed: true });
    }
    expect(await consumeRateLimit(handle.db, 'search', 'user-a', new Date(start.getTime() + 20_000))).toEqual({
      allowed: false,
      retryAfterSeconds: 40,
    });
    // Another user, or another kind of limit, is counted on its own.
    expect(await consumeRateLimit(handle.db, 'search', 'user-b', start)).toEqual({ allowed: true });
    expect(await consumeRateLimit(handle.db, 'export', 'user-a', start)).toEqual({ allowed: true });
    // A new window starts afresh.
    expect(await consumeRateLimit(handle.db, 'search', 'user-a', new Date(start.getTime() + windowMs))).toEqual({ allowed: true });
  });

  it('limits exports to 10 in 10 minutes', async () => {
    const start = new Date('2026-11-23T11:00:00Z');
    const outcomes = [];
    for (let i = 0; i < 11; i++) outcomes.push((await consumeRateLimit(handle.db, 'export', 'user-c', start)).allowed);
    expect(outcomes.filter(Boolean)).toHaveLength(10);
    expect(outcomes.at(-1)).toBe(false);
  });

  it('prunes old counters', async () => {
    await pruneRateLimits(handle.db, new Date('2026-12-30T00:00:00Z'));
    expect(await handle.db.query.rateLimits.findMany()).toEqual([]);
  });
});
