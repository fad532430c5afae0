import { dayNumber, isoDayOf, type DayInput, type IsoDay } from './calendar-day';
import type { HolidayOptions } from './holidays';
import { workingDayCalendar } from './working-day-calendar';

/**
 * Working-day arithmetic in Europe/Amsterdam, at whole-day granularity: norms such as "answer a
 * referral within 5 working days" are agreed in days, not hours, so the time of day never matters.
 */

/**
 * A pause (opschorting) during which the clock does not run, as [from, to): the day the pause starts
 * does not count, the day it ends counts again; `to: null` is a pause still running.
 */
export type PausedInterval = { from: DayInput; to: DayInput | null };

export type CalendarOptions = { holidays?: HolidayOptions };
export type WorkingDayOptions = CalendarOptions & { pauses?: readonly PausedInterval[] };

type DayRange = { from: number; to: number };

const NO_RANGES: readonly DayRange[] = Object.freeze([]);

/** Paused days as sorted, non-overlapping [from, to) ranges of day numbers. */
function pausedRanges(pauses: readonly PausedInterval[] = []): readonly DayRange[] {
  if (pauses.length === 0) return NO_RANGES;
  const ranges = pauses
    .map((p) => ({ from: dayNumber(p.from), to: p.to === null ? Infinity : dayNumber(p.to) }))
    .filter((r) => r.to > r.from)
    .sort((x, y) => x.from - y.from);
  const merged: DayRange[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  return merged;
}

/** Monday to Friday and not a Dutch public holiday, judged on the Amsterdam calendar day. */
export function isWorkingDay(date: DayInput, options: CalendarOptions = {}): boolean {
  return workingDayCalendar(options.holidays).isWorkingDay(dayNumber(date));
}

/**
 * The calendar day `n` working days after (or, for negative `n`, before) the day of `date`; the
 * starting day itself never counts, so from a Saturday one working day on is the Monday. Paused days
 * are skipped like weekends.
 */
export function addWorkingDays(date: DayInput, n: number, options: WorkingDayOptions = {}): IsoDay {
  if (!Number.isInteger(n)) throw new RangeError(`Aantal werkdagen moet een geheel getal zijn, niet ${n}.`);
  const calendar = workingDayCalendar(options.holidays);
  const ranges = pausedRanges(options.pauses);
  const step = n < 0 ? -1 : 1;
  const openFrom = Math.min(...ranges.filter((r) => r.to === Infinity).map((r) => r.from));
  let day = dayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    // Beyond the start of a pause still running no day will ever count again.
    if (step > 0 && day >= openFrom) throw new RangeError('De klok staat stil: de opschorting loopt nog.');
    if (calendar.isWorkingDay(day) && !ranges.some((r) => day >= r.from && day < r.to)) left--;
  }
  return isoDayOf(day);
}

/**
 * Whole working days elapsed from the day of `a` to the day of `b`: the working days after `a` up to
 * and including `b`, minus paused days. Friday → next Monday is 1; negative when `b` lies before `a`.
 */
export function workingDaysBetween(a: DayInput, b: DayInput, options: WorkingDayOptions = {}): number {
  const calendar = workingDayCalendar(options.holidays);
  const ranges = pausedRanges(options.pauses);
  const [start, end] = [dayNumber(a), dayNumber(b)];
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let total = calendar.workingDaysIn(low, high);
  for (const r of ranges) {
    // Paused days [from, to) that fall in (low, high].
    const [pausedLow, pausedHigh] = [Math.max(low, r.from - 1), Math.min(high, r.to - 1)];
    if (pausedHigh > pausedLow) total -= calendar.workingDaysIn(pausedLow, pausedHigh);
  }
  return sign * total;
}
