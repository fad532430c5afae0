import { TZDate } from '@date-fns/tz';
import { toIsoDay, type IsoDay } from '@/lib/calendar/calendar-day';
import type { HolidayOptions } from '@/lib/calendar/holidays';
import { isWorkingDay } from '@/lib/calendar/working-days';

const START_HOUR = 8;
const END_HOUR = 17;
const ZONE = 'Europe/Amsterdam';

/** The first moment at or after `from` that falls in working hours (08–17, Amsterdam, working days). */
export function nextWorkingHour(from: Date, holidays?: HolidayOptions): Date {
  const working = (t: TZDate) => isWorkingDay(new Date(t.getTime()), { holidays });
  let t = new TZDate(from.getTime(), ZONE);
  // The longest run of days off (a weekend next to Christmas) is four days; three weeks is ample.
  for (let i = 0; i < 21; i++) {
    if (working(t) && t.getHours() >= START_HOUR && t.getHours() < END_HOUR) return new Date(t.getTime());
    if (working(t) && t.getHours() < START_HOUR) {
      return new Date(new TZDate(t.getFullYear(), t.getMonth(), t.getDate(), START_HOUR, 0, 0, ZONE).getTime());
    }
    t = new TZDate(t.getFullYear(), t.getMonth(), t.getDate() + 1, START_HOUR, 0, 0, ZONE);
    if (working(t)) return new Date(t.getTime());
  }
  return from;
}

/**
 * When a reminder about something due on `dueDay` goes out: in working hours on a working day before
 * that day when one is left; otherwise at once. A reminder that waits for Monday to warn about a
 * Saturday arrives after the date it warns about, and one that arrives on the due day itself leaves no
 * time to act, so an evening mail is the lesser evil.
 */
export function reminderDeliveryTime(now: Date, dueDay: IsoDay, holidays?: HolidayOptions): Date {
  const next = nextWorkingHour(now, holidays);
  return toIsoDay(next) < dueDay ? next : now;
}
