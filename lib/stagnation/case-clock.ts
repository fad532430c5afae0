import { dayNumber, startOfAmsterdamDay, toIsoDay, type DayInput } from '@/lib/calendar/calendar-day';
import type { HolidayOptions } from '@/lib/calendar/holidays';
import type { StagnationCase } from './stagnation-state';
import { addWorkingDays, workingDaysBetween } from '@/lib/calendar/working-days';

/**
 * The clock of one case: working days that run only while the case is not paused. The case rules and
 * the rules on the case's agreements all read time through it, so a pause stops them all alike.
 */
export type CaseClock = {
  /** Working days elapsed from `from` up to today. */
  elapsedSince(from: DayInput): number;
  /** Start of the day on which `n` working days had elapsed from `from`. */
  reachedOn(from: DayInput, n: number): Date;
  /** Whether an opschorting is running now. */
  pausedNow: boolean;
};

export function caseClock(subject: Pick<StagnationCase, 'pauses'>, now: Date, holidays: HolidayOptions): CaseClock {
  if (subject.pauses.length === 0) return unpausedClock(now, holidays);
  const options = { holidays, pauses: subject.pauses };
  // Every rule of the case measures up to the same Amsterdam day.
  const today = toIsoDay(now);
  return {
    elapsedSince: (from) => workingDaysBetween(from, today, options),
    reachedOn: (from, n) => startOfAmsterdamDay(addWorkingDays(from, n, options)),
    pausedNow: subject.pauses.some((p) => p.from <= now && (p.to === null || p.to > now)),
  };
}

let shared: { today: string; goodFriday?: boolean; liberationDay?: string; clock: CaseClock } | undefined;

/**
 * Most cases are never paused, and their clocks are all alike: a sweep shares one that remembers its
 * answers per day, since the same due dates and days of progress come back across thousands of cases.
 */
function unpausedClock(now: Date, holidays: HolidayOptions): CaseClock {
  const today = toIsoDay(now);
  if (shared && shared.today === today && shared.goodFriday === holidays.goodFriday && shared.liberationDay === holidays.liberationDay) {
    return shared.clock;
  }
  const options = { holidays };
  const elapsed = new Map<number, number>();
  const reached = new Map<number, Map<number, number>>();
  const clock: CaseClock = {
    elapsedSince(from) {
      const day = dayNumber(from);
      let n = elapsed.get(day);
      if (n === undefined) elapsed.set(day, (n = workingDaysBetween(from, today, options)));
      return n;
    },
    reachedOn(from, n) {
      const day = dayNumber(from);
      let byCount = reached.get(day);
      if (!byCount) reached.set(day, (byCount = new Map()));
      let at = byCount.get(n);
      if (at === undefined) byCount.set(n, (at = startOfAmsterdamDay(addWorkingDays(from, n, options)).getTime()));
      // A fresh Date each time: signals hold it, and a Date can be changed.
      return new Date(at);
    },
    pausedNow: false,
  };
  shared = { today, goodFriday: holidays.goodFriday, liberationDay: holidays.liberationDay, clock };
  return clock;
}
