import { describe, expect, it } from 'vitest';
import { splitPeriod, type PeriodParts } from './period-months';

const range = (from: string, to: string, step: (d: Date) => void): string[] => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); step(d)) out.push(d.toISOString().slice(0, 10));
  return out;
};
const everyDay = (from: string, to: string) => range(from, to, (d) => d.setUTCDate(d.getUTCDate() + 1));

/** Every day the parts stand for, in order. */
function expand(parts: PeriodParts): string[] {
  const days = [...parts.days];
  for (const month of parts.months) {
    const end = new Date(`${month}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + 1);
    end.setUTCDate(0);
    days.push(...everyDay(month, end.toISOString().slice(0, 10)));
  }
  return days.sort();
}

describe('splitPeriod', () => {
  it('reads the default year as eleven whole months and the days at its ends, today’s month by day', () => {
    const parts = splitPeriod('2025-12-05', '2026-12-04', '2026-12-04');
    expect(parts.months).toEqual(range('2026-01-01', '2026-11-01', (d) => d.setUTCMonth(d.getUTCMonth() + 1)));
    expect(parts.days).toEqual([...everyDay('2025-12-05', '2025-12-31'), ...everyDay('2026-12-01', '2026-12-04')]);
  });

  it('reads a calendar year that ended before today as twelve months and no day', () => {
    expect(splitPeriod('2025-01-01', '2025-12-31', '2026-12-04')).toEqual({
      months: range('2025-01-01', '2025-12-01', (d) => d.setUTCMonth(d.getUTCMonth() + 1)),
      days: [],
    });
  });

  it('reads today’s month by day in a period that holds it whole', () => {
    const parts = splitPeriod('2026-10-01', '2027-01-31', '2026-12-04');
    expect(parts.months).toEqual(['2026-10-01', '2026-11-01', '2027-01-01']);
    expect(parts.days).toEqual(everyDay('2026-12-01', '2026-12-31'));
  });

  it('reads a period shorter than a month by day', () => {
    expect(splitPeriod('2026-06-15', '2026-06-15', '2026-12-04')).toEqual({ months: [], days: ['2026-06-15'] });
    expect(splitPeriod('2026-02-10', '2026-03-20', '2026-12-04').months).toEqual([]);
  });

  it('stands for every day of the period exactly once, across leap days and year ends', () => {
    const todays = ['2024-02-29', '2026-12-04', '2027-01-31'];
    const ends = ['2023-12-31', '2024-02-01', '2024-02-28', '2024-02-29', '2024-03-01', '2026-11-30', '2026-12-04', '2027-01-01', '2027-02-28'];
    for (const today of todays) {
      for (const from of ends) {
        for (const to of ends.filter((end) => end >= from)) {
          const parts = splitPeriod(from, to, today);
          expect(expand(parts), `${from}..${to}, today ${today}`).toEqual(everyDay(from, to));
          expect(parts.months.every((month) => month.endsWith('-01') && month.slice(0, 7) !== today.slice(0, 7))).toBe(true);
        }
      }
    }
  });
});
