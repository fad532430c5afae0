import { dayNumber, isoDayOf, startOfAmsterdamDay, toIsoDay, weekdayOfDay, type IsoDay } from '@/lib/calendar/calendar-day';

/** Days ahead the regisseur's "coming days" look, after today: a full week, so Friday shows next week's meetings. */
export const COMING_DAYS = 7;

/** The days a queue is measured against, all on the Amsterdam calendar, from one injected `now`. */
export interface QueueClock {
  now: Date;
  today: IsoDay;
  /** Monday and Sunday of this week. */
  weekStart: IsoDay;
  weekEnd: IsoDay;
  todayStart: Date;
  tomorrowStart: Date;
  /** The end of the last of the coming days (exclusive). */
  comingEnd: Date;
}

export function queueClock(now: Date): QueueClock {
  const day = dayNumber(now);
  const monday = day - ((weekdayOfDay(day) + 6) % 7);
  return {
    now,
    today: toIsoDay(now),
    weekStart: isoDayOf(monday),
    weekEnd: isoDayOf(monday + 6),
    todayStart: startOfAmsterdamDay(isoDayOf(day)),
    tomorrowStart: startOfAmsterdamDay(isoDayOf(day + 1)),
    comingEnd: startOfAmsterdamDay(isoDayOf(day + 1 + COMING_DAYS)),
  };
}
