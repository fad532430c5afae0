import { describe, expect, it } from 'vitest';
import { splitPeriod, splitPeriodByMonth, WEEK_DAYS, type PeriodParts } from './period-months';

const range = (from: string, to: string, step: (d: Date) => void): string[] => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); step(d)) out.push(d.toISOString().slice(0, 10));
  return out;
};
const everyDay = (from: string, to: string) => range(from, to, (d) => d.setUTCDate(d.getUTCDate() + 1));
const plusDays = (day: string, n: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);

/** Every day the parts stand for, in order. */
function expand(parts: PeriodParts): string[] {
  const days = [...parts.days];
  for (const month of parts.months) {
    const end = new Date(`${month}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + 1);
    end.setUTCDate(0);
    days.push(...everyDay(month, end.toISOString().slice(0, 10)));
  }
  for (const week of parts.weeks) days.push(...everyDay(week, plusDays(week, WEEK_DAYS - 1)));
  return days.sort();
}

describe('splitPeriod', () => {
  it('reads the default year as eleven whole months, the blocks at its start and a few days, today’s block by day', () => {
    const parts = splitPeriod('2025-12-05', '2026-12-04', '2026-12-04');
    expect(parts.months).toEqual(range('2026-01-01', '2026-11-01', (d) => d.setUTCMonth(d.getUTCMonth() + 1)));
    expect(parts.weeks).toEqual(['2025-12-08', '2025-12-15', '2025-12-22']);
    expect(parts.days).toEqual([
      ...everyDay('2025-12-05', '2025-12-07'),
      ...everyDay('2025-12-29', '2025-12-31'),
      ...everyDay('2026-12-01', '2026-12-04'),
    ]);
  });

  it('reads a calendar year that ended before today as twelve months and no block or day', () => {
    expect(splitPeriod('2025-01-01', '2025-12-31', '2026-12-04')).toEqual({
      months: range('2025-01-01', '2025-12-01', (d) => d.setUTCMonth(d.getUTCMonth() + 1)),
      weeks: [],
      days: [],
    });
  });

  it('reads today’s month as blocks before and after today’s, which it reads by day', () => {
    const parts = splitPeriod('2026-10-01', '2027-01-31', '2026-12-04');
    expect(parts.months).toEqual(['2026-10-01', '2026-11-01', '2027-01-01']);
    expect(parts.weeks).toEqual(['2026-12-08', '2026-12-15', '2026-12-22']);
    expect(parts.days).toEqual([...everyDay('2026-12-01', '2026-12-07'), ...everyDay('2026-12-29', '2026-12-31')]);
  });

  it('reads a period shorter than a month as its whole blocks and days', () => {
    expect(splitPeriod('2026-06-15', '2026-06-15', '2026-12-04')).toEqual({ months: [], weeks: [], days: ['2026-06-15'] });
    const parts = splitPeriod('2026-02-10', '2026-03-20', '2026-12-04');
    expect(parts.months).toEqual([]);
    expect(parts.weeks).toEqual(['2026-02-15', '2026-02-22', '2026-03-01', '2026-03-08']);
  });

  it('stands for every day of the period exactly once, across leap days and year ends', () => {
    const todays = ['2024-02-29', '2026-12-04', '2027-01-31', '2024-02-22'];
    const ends = ['2023-12-31', '2024-02-01', '2024-02-28', '2024-02-29', '2024-03-01', '2026-11-30', '2026-12-04', '2027-01-01', '2027-02-28'];
    for (const today of todays) {
      for (const from of ends) {
        for (const to of ends.filter((end) => end >= from)) {
          const label = `${from}..${to}, today ${today}`;
          const parts = splitPeriod(from, to, today);
          expect(expand(parts), label).toEqual(everyDay(from, to));
          expect(parts.months.every((month) => month.endsWith('-01') && month.slice(0, 7) !== today.slice(0, 7)), label).toBe(true);
          const holdsToday = (week: string) => week <= today && today <= plusDays(week, WEEK_DAYS - 1);
          expect(parts.weeks.every((week) => ['01', '08', '15', '22'].includes(week.slice(8)) && !holdsToday(week)), label).toBe(true);
          const byMonth = splitPeriodByMonth(from, to, today);
          expect(byMonth.weeks, label).toEqual([]);
          expect(expand(byMonth), label).toEqual(everyDay(from, to));
        }
      }
    }
  });
});
