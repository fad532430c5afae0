import { describe, expect, it } from 'vitest';
import { splitPeriod, type PeriodParts } from './period-months';


function expand(parts: PeriodParts): string[] {
  const days: string[] = [];
  for (const [first, last] of parts.days) {
    for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
      days.push(d.toISOString().slice(0, 10));
    }
  }
  for (const [first, last] of parts.months) {
    for (let m = new Date(`${first}T00:00:00Z`); m <= new Date(`${last}T00:00:00Z`); m.setUTCMonth(m.getUTCMonth() + 1)) {
      const end = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
      for (let d = new Date(m); d < end; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
    }
  }
  return days.sort();
}

function every(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

describe('splitPeriod', () => {
  it('reads the default year as eleven whole months and the days at its ends, today’s month by day', () => {
    expect(splitPeriod('2025-12-05', '2026-12-04', '2026-12-04')).toEqual({
      months: [['2026-01-01', '2026-11-01']],
      days: [['2025-12-05', '2025-12-31'], ['2026-12-01', '2026-12-04']],
    });
  });

  it('reads a calendar year that ended before today as twelve months and no day', () => {
    expect(splitPeriod('2025-01-01', '2025-12-31', '2026-12-04')).toEqual({ months: [['2025-01-01', '2025-12-01']], days: [] });
  });

  it('cuts today’s month out of a period that holds it whole', () => {
    expect(splitPeriod('2017-01-01', '2027-02-28', '2026-12-04')).toEqual({
      months: [['2017-01-01', '2026-11-01'], ['2027-01-01', '2027-02-01']],
      days: [['2026-12-01', '2026-12-31']],
    });
  });

  it('reads a period shorter than a month by day', () => {
    expect(splitPeriod('2026-06-15', '2026-06-15', '2026-12-04')).toEqual({ months: [], days: [['2026-06-15', '2026-06-15']] });
    expect(splitPeriod('2026-02-10', '2026-03-20', '2026-12-04')).toEqual({ months: [], days: [['2026-02-10', '2026-03-20']] });
  });

  it('covers every day of the period exactly once, for periods across leap years and year ends', () => {
    const todays = ['2024-02-29', '2026-12-04', '2027-01-31'];
    const ends = ['2023-12-31', '2024-02-01', '2024-02-28', '2024-02-29', '2024-03-01', '2026-11-30', '2026-12-04', '2027-01-01', '2027-02-28'];
    for (const today of todays) {
      for (const from of ends) {
        for (const to of ends) {
          if (from > to) continue;
          const parts = splitPeriod(from, to, today);
          expect(expand(parts), `${from}..${to}, today ${today}`).toEqual(every(from, to));
          for (const [first, last] of parts.months) {
            expect(first.endsWith('-01') && last.endsWith('-01')).toBe(true);
            expect(today.slice(0, 7) >= first.slice(0, 7) && today.slice(0, 7) <= last.slice(0, 7)).toBe(false);
          }
        }
      }
    }
  });
});
