/**
 * Dates in forms are typed as day-month-year (31-12-2026), as Dutch and British users write them, whatever
 * language the browser speaks; the domain and the API keep ISO dates (2026-12-31). A form names its date
 * fields in hidden `$date` inputs, and they are turned into ISO here before the schema reads them.
 */
export const DATE_FIELDS_KEY = '$date';

const DAY_MONTH_YEAR = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The ISO form of a typed date ("3-1-2027" → "2027-01-03"), ISO as it is, anything else null. */
export function typedDateToIso(typed: string): string | null {
  const text = typed.trim();
  if (ISO.test(text)) return text;
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return null;
  const [, day, month, year] = match;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** How a date field shows an ISO date: 2026-12-31 → 31-12-2026; what the user typed stays as it was. */
export function isoToTyped(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : value;
}

/** For a query schema: a date typed in a filter as day-month-year reads as its ISO date; anything else as it is. */
export const acceptTypedDate = (value: unknown) => (typeof value === 'string' ? (typedDateToIso(value) ?? value) : value);
