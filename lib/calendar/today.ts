import { TIME_ZONE } from './calendar-day';

/** Today's date (YYYY-MM-DD) in the house's time zone, not UTC. */
export function todayInAmsterdam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}
