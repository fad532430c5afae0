import { dayNumber, dayNumberOfIso, type IsoDay } from '@/lib/calendar/calendar-day';

/*
 * The AVG term (art. 12(3)): one month from receipt, extendable once by at most two further months. A
 * month is a calendar month in Europe/Amsterdam: 31 January + 1 month is the last day of February (a day
 * that does not exist in the later month becomes that month's last day, as PostgreSQL's `+ interval`).
 */

/** `day` plus `months` calendar months, clamped to the end of a shorter month. */
export function addMonths(day: IsoDay, months: number): IsoDay {
  dayNumberOfIso(day); // rejects an impossible day
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The answer is due one month after receipt. */
export const dueOn = (receivedOn: IsoDay): IsoDay => addMonths(receivedOn, 1);

/** The latest an extension may reach: three months from receipt in all. */
export const latestDueOn = (receivedOn: IsoDay): IsoDay => addMonths(receivedOn, 3);

/** The term in force: the extended one once extended. */
export const termOf = (r: { dueOn: IsoDay; extendedDueOn: IsoDay | null }): IsoDay => r.extendedDueOn ?? r.dueOn;

export type Countdown = { state: 'left'; days: number } | { state: 'today'; days: 0 } | { state: 'late'; days: number };

/** Days until the term (in Amsterdam, whatever the server's zone): "nog 5 dagen", "vandaag", "2 dagen te laat". */
export function countdown(term: IsoDay, now: Date): Countdown {
  const days = dayNumberOfIso(term) - dayNumber(now);
  if (days > 0) return { state: 'left', days };
  if (days === 0) return { state: 'today', days: 0 };
  return { state: 'late', days: -days };
}

/** Whether an answer given on `answeredOn` met the term. */
export const inTime = (term: IsoDay, answeredOn: IsoDay): boolean => dayNumberOfIso(answeredOn) <= dayNumberOfIso(term);
