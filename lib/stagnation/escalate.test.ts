import { describe, expect, it } from 'vitest';
import { startedWorkingDaysAgo } from './escalate';
import { at } from './testing';
import { workingDaysBetween } from '@/lib/calendar/working-days';

describe('the boundary of an escalation step', () => {
  it('falls at the start of the day after which fewer than n working days have passed', () => {
    // Back from Tuesday 29 December 2026 over both Christmas days and a weekend: 29, 28, 24, 23 and 22.
    expect(startedWorkingDaysAgo(5, at('2026-12-29'), {})).toEqual(new Date('2026-12-21T23:00:00Z'));
  });

  it('agrees with counting the working days of every signal, hour by hour', () => {
    const now = at('2026-04-30', 16);
    for (const n of [1, 5, 10]) {
      const boundary = startedWorkingDaysAgo(n, now, {});
      for (let hours = 0; hours < 24 * 40; hours++) {
        const since = new Date(now.getTime() - hours * 3_600_000);
        expect(since < boundary, `${n} working days, since ${since.toISOString()}`).toBe(workingDaysBetween(since, now) >= n);
      }
    }
  });
});
