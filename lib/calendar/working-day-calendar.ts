import { weekdayOfDay, yearOfDay } from './calendar-day';
import { isDutchHolidayDay, type HolidayOptions } from './holidays';

/**
 * Which day numbers are working days under one set of holiday options, answered from a running count
 * per year: a sweep asks about thousands of spans, and each then costs a subtraction, not a walk.
 */
export type WorkingDayCalendar = {
  isWorkingDay(day: number): boolean;
  /** Working days among the day numbers (low, high]. */
  workingDaysIn(low: number, high: number): number;
};

type YearTable = { start: number; end: number; prefix: Int32Array };

const MS_PER_DAY = 86_400_000;
const calendars = new Map<string, WorkingDayCalendar>();

function buildYear(year: number, holidays: HolidayOptions): YearTable {
  const start = Date.UTC(year, 0, 1) / MS_PER_DAY;
  const end = Date.UTC(year + 1, 0, 1) / MS_PER_DAY - 1;
  const prefix = new Int32Array(end - start + 2);
  for (let day = start; day <= end; day++) {
    const weekday = weekdayOfDay(day);
    const working = weekday !== 0 && weekday !== 6 && !isDutchHolidayDay(day, holidays);
    prefix[day - start + 1] = prefix[day - start]! + (working ? 1 : 0);
  }
  return { start, end, prefix };
}

function createCalendar(holidays: HolidayOptions): WorkingDayCalendar {
  const years = new Map<number, YearTable>();
  let recent: YearTable | undefined;
  const tableOf = (day: number): YearTable => {
    if (recent && day >= recent.start && day <= recent.end) return recent;
    const year = yearOfDay(day);
    let table = years.get(year);
    if (!table) years.set(year, (table = buildYear(year, holidays)));
    return (recent = table);
  };
  return {
    isWorkingDay(day) {
      const { start, prefix } = tableOf(day);
      return prefix[day - start + 1]! > prefix[day - start]!;
    },
    workingDaysIn(low, high) {
      let total = 0;
      for (let cursor = low; cursor < high; ) {
        const { start, end, prefix } = tableOf(cursor + 1);
        const last = Math.min(high, end);
        total += prefix[last - start + 1]! - prefix[cursor - start + 1]!;
        cursor = last;
      }
      return total;
    },
  };
}

// A sweep asks a million times with the same options: answering that must not build a key each time.
let last: { goodFriday: boolean; liberationDay: string; calendar: WorkingDayCalendar } | undefined;

export function workingDayCalendar(holidays: HolidayOptions = {}): WorkingDayCalendar {
  const goodFriday = holidays.goodFriday ?? true;
  const liberationDay = holidays.liberationDay ?? 'every_year';
  if (last && last.goodFriday === goodFriday && last.liberationDay === liberationDay) return last.calendar;
  const key = `${goodFriday}|${liberationDay}`;
  let calendar = calendars.get(key);
  if (!calendar) calendars.set(key, (calendar = createCalendar(holidays)));
  last = { goodFriday, liberationDay, calendar };
  return calendar;
}
