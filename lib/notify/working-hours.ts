import { TZDate } from '@date-fns/tz';
import { isWorkingDay } from '@/lib/stagnation/working-days';

const START_HOUR = 8;
const END_HOUR = 17;

/** The first moment at or after `from` that falls in working hours (08–17, Amsterdam, working days). */
export function nextWorkingHour(from: Date): Date {
  let t = new TZDate(from.getTime(), 'Europe/Amsterdam');
  for (let i = 0; i < 14; i++) {
    const working = isWorkingDay(new Date(t.getTime()));
    if (working && t.getHours() >= START_HOUR && t.getHours() < END_HOUR) return new Date(t.getTime());
    if (working && t.getHours() < START_HOUR) {
      return new Date(new TZDate(t.getFullYear(), t.getMonth(), t.getDate(), START_HOUR, 0, 0, 'Europe/Amsterdam').getTime());
    }
    t = new TZDate(t.getFullYear(), t.getMonth(), t.getDate() + 1, START_HOUR, 0, 0, 'Europe/Amsterdam');
    if (isWorkingDay(new Date(t.getTime()))) return new Date(t.getTime());
  }
  return from;
}
