import { dayNumberOfIso, isoDayOf, yearOfDay, type IsoDay } from './calendar-day';

/**
 * Which days the house and its partners do not work, beyond weekends.
 *
 * The Netherlands has no statutory list of days off; collective agreements decide. The defaults follow
 * what government-like employers (Rijk, gemeenten, politie, most zorg) give: Goede Vrijdag off, and
 * Bevrijdingsdag off every year. A house whose partners differ can switch either off.
 */
export type HolidayOptions = {
  /** Goede Vrijdag as a day off (default true). */
  goodFriday?: boolean;
  /** Bevrijdingsdag (5 May): every year (default), only in lustrum years (2025, 2030, …) or never. */
  liberationDay?: 'every_year' | 'lustrum_years' | 'never';
};

export type Holiday = { date: IsoDay; name: string };

/** Easter Sunday (Gregorian) by the Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDay {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`Geen gregoriaans jaar: ${year}.`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

function iso(year: number, month: number, day: number): IsoDay {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isSunday(day: IsoDay): boolean {
  return new Date(`${day}T00:00:00Z`).getUTCDay() === 0;
}

/**
 * Koningsdag since 2014; before that Koninginnedag on 30 April. Both move back a day from a Sunday
 * (the rule since 1980; no case in this system is older).
 */
function kingsDay(year: number): Holiday {
  const [name, date] = year >= 2014 ? ['Koningsdag', 27] : ['Koninginnedag', 30];
  const day = iso(year, 4, date);
  return { date: isSunday(day) ? iso(year, 4, date - 1) : day, name };
}

/** The Dutch public holidays of a year, sorted by date. */
export function dutchHolidays(year: number, options: HolidayOptions = {}): Holiday[] {
  const easter = dayNumberOfIso(easterSunday(year));
  const fromEaster = (offset: number, name: string): Holiday => ({ date: isoDayOf(easter + offset), name });
  const liberation = options.liberationDay ?? 'every_year';

  const list: Holiday[] = [
    { date: iso(year, 1, 1), name: 'Nieuwjaarsdag' },
    ...(options.goodFriday ?? true ? [fromEaster(-2, 'Goede Vrijdag')] : []),
    fromEaster(0, 'Eerste Paasdag'),
    fromEaster(1, 'Tweede Paasdag'),
    kingsDay(year),
    ...(liberation === 'every_year' || (liberation === 'lustrum_years' && year % 5 === 0)
      ? [{ date: iso(year, 5, 5), name: 'Bevrijdingsdag' }]
      : []),
    fromEaster(39, 'Hemelvaartsdag'),
    fromEaster(49, 'Eerste Pinksterdag'),
    fromEaster(50, 'Tweede Pinksterdag'),
    { date: iso(year, 12, 25), name: 'Eerste Kerstdag' },
    { date: iso(year, 12, 26), name: 'Tweede Kerstdag' },
  ];
  return list.sort((x, y) => x.date.localeCompare(y.date));
}

// The sweep asks about the same few years thousands of times: compute each year once per option set.
const cache = new Map<string, Set<number>>();

export function isDutchHolidayDay(dayNum: number, options: HolidayOptions = {}): boolean {
  const year = yearOfDay(dayNum);
  const key = `${year}|${options.goodFriday ?? true}|${options.liberationDay ?? 'every_year'}`;
  let days = cache.get(key);
  if (!days) {
    days = new Set(dutchHolidays(year, options).map((h) => dayNumberOfIso(h.date)));
    cache.set(key, days);
  }
  return days.has(dayNum);
}

/** Whether an ISO day is a Dutch public holiday under the given options. */
export function isDutchHoliday(day: IsoDay, options: HolidayOptions = {}): boolean {
  return isDutchHolidayDay(dayNumberOfIso(day), options);
}
