/*
 * How a period is read from the rollups: the calendar months it covers whole from the months (drizzle/0049),
 * the 7-day blocks of a month it covers whole from the weeks (drizzle/0051: days 1–7, 8–14, 15–21 and 22–28;
 * agreements only), the other days from the day rollups (drizzle/0037). Neither the month nor the block of
 * `today` is read whole: "overdue" and "due" depend on whether a day lies before today, which their rows
 * cannot say. Days are ISO dates (JJJJ-MM-DD); a month or block is named by its first day.
 */

export interface PeriodParts {
  /** The months of the period that lie in it whole, except today's. */
  months: string[];
  /** The blocks of the other days that lie in the period whole, except today's. */
  weeks: string[];
  /** The days of the period in neither: at most nine at either end and seven around today. */
  days: string[];
}

/** The days a block covers. */
export const WEEK_DAYS = 7;
/** The first days of a month's blocks; days 29–31 are in none. */
const WEEK_STARTS = new Set(['01', '08', '15', '22']);

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => toDay(new Date(toDate(day).getTime() + n * 86_400_000));
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (day: string) => {
  const date = toDate(monthStart(day));
  return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
};

/** The parts of the period months only: what the case rollups, which have no blocks, read. */
export function splitPeriodByMonth(from: string, to: string, today: string): PeriodParts {
  const { months, weeks, days } = splitPeriod(from, to, today);
  const blockDays = weeks.flatMap((week) => Array.from({ length: WEEK_DAYS }, (_, i) => addDays(week, i)));
  return { months, weeks: [], days: [...days, ...blockDays].sort() };
}

export function splitPeriod(from: string, to: string, today: string): PeriodParts {
  const parts: PeriodParts = { months: [], weeks: [], days: [] };
  let day = from;
  while (day <= to) {
    const wholeMonth = day === monthStart(day) && nextMonth(day) <= addDays(to, 1) && monthStart(today) !== day;
    const lastOfWeek = addDays(day, WEEK_DAYS - 1);
    const wholeWeek = WEEK_STARTS.has(day.slice(8)) && lastOfWeek <= to && !(day <= today && today <= lastOfWeek);
    if (wholeMonth) {
      parts.months.push(day);
      day = nextMonth(day);
    } else if (wholeWeek) {
      parts.weeks.push(day);
      day = addDays(day, WEEK_DAYS);
    } else {
      parts.days.push(day);
      day = addDays(day, 1);
    }
  }
  return parts;
}

/** A list of days or months as one parameter: `column = any(${dateArray(days)})`. */
export const dateArray = (days: string[]) => `{${days.join(',')}}`;
