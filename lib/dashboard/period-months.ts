/*
 * How a period is read from the month rollups (drizzle/0049): the calendar months it covers whole from
 * the months, the days at its ends from the day rollups. The month of `today` is always read by day:
 * "overdue" and "due" depend on whether a day lies before today, which a month row cannot say.
 * Days are ISO dates (JJJJ-MM-DD); a range is [first, last], both inclusive.
 */

export type DayRange = [first: string, last: string];

export interface PeriodParts {
  /** Ranges of month starts (the first of the month), each month in the period whole and not today's. */
  months: DayRange[];
  /** The days of the period outside those months. */
  days: DayRange[];
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => toDay(new Date(toDate(day).getTime() + n * 86_400_000));
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (day: string) => {
  const date = toDate(monthStart(day));
  return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
};
const previousMonth = (day: string) => {
  const date = toDate(monthStart(day));
  return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1)));
};

export function splitPeriod(from: string, to: string, today: string): PeriodParts {
  const first = from === monthStart(from) ? from : nextMonth(from);
  const last = addDays(to, 1) === nextMonth(to) ? monthStart(to) : previousMonth(to);
  if (first > last) return { months: [], days: [[from, to]] };
  const ranges: DayRange[] = [];
  const todaysMonth = monthStart(today);
  if (todaysMonth < first || todaysMonth > last) ranges.push([first, last]);
  else {
    if (todaysMonth > first) ranges.push([first, previousMonth(todaysMonth)]);
    if (todaysMonth < last) ranges.push([nextMonth(todaysMonth), last]);
  }
  const days: DayRange[] = [];
  const covered = (start: string, end: string) => (start <= end ? days.push([start, end]) : 0);
  let cursor = from;
  for (const [start, end] of ranges) {
    covered(cursor, addDays(start, -1));
    cursor = nextMonth(end);
  }
  covered(cursor, to);
  return { months: ranges, days };
}
