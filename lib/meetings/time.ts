import { TZDate } from '@date-fns/tz';

export const HOUSE_TIME_ZONE = 'Europe/Amsterdam';

/** A date and wall-clock time in Amsterdam as an instant (summer and winter time handled by the library). */
export function amsterdamInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, HOUSE_TIME_ZONE).getTime());
}

/** The Amsterdam date (YYYY-MM-DD) and time (HH:MM) of an instant, for forms. */
export function amsterdamParts(instant: Date): { date: string; time: string } {
  const local = new TZDate(instant.getTime(), HOUSE_TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}
