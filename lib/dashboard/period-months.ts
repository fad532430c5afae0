/*
 * How a period is read from the month rollups (drizzle/0049): the calendar months it covers whole from
 * the months, the days at its ends from the day rollups. The month of `today` is always read by day:
 * "overdue" and "due" depend on whether a day lies before today, which a month row cannot say.
 * Days are ISO dates (JJJJ-MM-DD); a month is named by its first day.
 */

export interface PeriodParts {
  /** The months of the period that lie in it whole, except today's. */
  months: string[];
  /** The days of the period outside those months: at most three partial months' worth. */
  days: string[];
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);
const nextDay = (day: string) => toDay(new Date(toDate(day).getTime() + 86_400_000));
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (day: string) => {
  const date = toDate(monthStart(day));
  return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
};

export function splitPeriod(from: string, to: string, today: string): PeriodParts {
  const parts: PeriodParts = { months: [], days: [] };
  let day = from;
  while (day <= to) {
    const whole = day === monthStart(day) && nextMonth(day) <= nextDay(to) && monthStart(today) !== day;
    if (whole) {
      parts.months.push(day);
      day = nextMonth(day);
    } else {
      parts.days.push(day);
      day = nextDay(day);
    }
  }
  return parts;
}

/** A list of days or months as one parameter: `column = any(${dateArray(days)})`. */
export const dateArray = (days: string[]) => `{${days.join(',')}}`;
