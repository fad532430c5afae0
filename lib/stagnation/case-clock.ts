import { startOfAmsterdamDay, toIsoDay, type DayInput } from './calendar-day';
import type { HolidayOptions } from './holidays';
import type { StagnationCase } from './stagnation-state';
import { addWorkingDays, workingDaysBetween } from './working-days';

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
  const options = { holidays, pauses: subject.pauses };
  // Every rule of the case measures up to the same Amsterdam day.
  const today = toIsoDay(now);
  return {
    elapsedSince: (from) => workingDaysBetween(from, today, options),
    reachedOn: (from, n) => startOfAmsterdamDay(addWorkingDays(from, n, options)),
    pausedNow: subject.pauses.some((p) => p.from <= now && (p.to === null || p.to > now)),
  };
}
