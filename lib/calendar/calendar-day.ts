/**
 * Calendar days as the house lives them: in Europe/Amsterdam, whatever the server's time zone.
 * A day is an ISO string `YYYY-MM-DD` at the edges (it is what a `date` column gives) and a whole
 * number of days since 1970-01-01 inside the arithmetic, which makes stepping and comparing trivial.
 */

export type IsoDay = string;

/** A moment, or a calendar day already known (a due date). */
export type DayInput = Date | IsoDay;

export const TIME_ZONE = 'Europe/Amsterdam';

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Intl is built into Node with full ICU: no dependency is needed for one fixed time zone.
const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const dutchLongDate = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

const MS_PER_HOUR = 3_600_000;
const offsetByHour = new Map<number, number>();

/**
 * Amsterdam's offset from UTC at a moment. Intl is slow enough to dominate a sweep, and the offset only
 * ever changes on a whole UTC hour (01:00 UTC, last Sundays of March and October), so it is read once
 * per hour and remembered.
 */
function offsetAt(instant: number): number {
  const hour = Math.floor(instant / MS_PER_HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const part of amsterdamParts.formatToParts(new Date(hour * MS_PER_HOUR))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const p = parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - hour * MS_PER_HOUR;
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Ongeldige datum.');
}

// A sweep reads the same few hundred days a million times over: each is parsed and written out once.
const MEMO_LIMIT = 100_000;
const dayNumberByIso = new Map<IsoDay, number>();
const isoByDayNumber = new Map<number, IsoDay>();
const dutchByDayNumber = new Map<number, string>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Days since 1970-01-01 of an ISO day; rejects impossible dates such as 2026-02-30. */
export function dayNumberOfIso(day: IsoDay): number {
  return dayNumberByIso.get(day) ?? remember(dayNumberByIso, day, parseIsoDay(day));
}

function parseIsoDay(day: IsoDay): number {
  const match = ISO_DAY.exec(day);
  if (!match) throw new RangeError(`Ongeldige datum "${day}": verwacht JJJJ-MM-DD.`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new RangeError(`Ongeldige datum "${day}".`);
  }
  return ms / MS_PER_DAY;
}

/** The Amsterdam calendar day of a moment (or the day itself), as days since 1970-01-01. */
export function dayNumber(input: DayInput): number {
  if (typeof input === 'string') return dayNumberOfIso(input);
  assertValidDate(input);
  const instant = input.getTime();
  return Math.floor((instant + offsetAt(instant)) / MS_PER_DAY);
}

export function isoDayOf(dayNum: number): IsoDay {
  return isoByDayNumber.get(dayNum) ?? remember(isoByDayNumber, dayNum, new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 10));
}

/** The Amsterdam calendar day of a moment, e.g. 2026-03-29T22:30:00Z → '2026-03-30'. */
export function toIsoDay(input: DayInput): IsoDay {
  return isoDayOf(dayNumber(input));
}

export function yearOfDay(dayNum: number): number {
  return new Date(dayNum * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function weekdayOfDay(dayNum: number): number {
  // 1970-01-01 was a Thursday; the double modulo keeps days before 1970 right.
  return (((dayNum + 4) % 7) + 7) % 7;
}

/** 00:00 in Amsterdam on the given day, as a moment. */
export function startOfAmsterdamDay(input: DayInput): Date {
  const utcMidnight = dayNumber(input) * MS_PER_DAY;
  // Two passes settle the offset; Amsterdam never changes clocks at midnight, so the result is exact.
  let guess = utcMidnight - offsetAt(utcMidnight);
  guess = utcMidnight - offsetAt(guess);
  return new Date(guess);
}

/** "12 november 2026": how a date is written in a Dutch sentence. */
export function formatDutchDay(input: DayInput): string {
  const day = dayNumber(input);
  return dutchByDayNumber.get(day) ?? remember(dutchByDayNumber, day, dutchLongDate.format(new Date(day * MS_PER_DAY)));
}
