import { describe, expect, it } from 'vitest';
import { dutchHolidays, easterSunday, isDutchHoliday } from './holidays';

const known: Record<number, [string, string][]> = {
  2024: [
    ['2024-01-01', 'Nieuwjaarsdag'],
    ['2024-03-29', 'Goede Vrijdag'],
    ['2024-03-31', 'Eerste Paasdag'],
    ['2024-04-01', 'Tweede Paasdag'],
    ['2024-04-27', 'Koningsdag'],
    ['2024-05-05', 'Bevrijdingsdag'],
    ['2024-05-09', 'Hemelvaartsdag'],
    ['2024-05-19', 'Eerste Pinksterdag'],
    ['2024-05-20', 'Tweede Pinksterdag'],
    ['2024-12-25', 'Eerste Kerstdag'],
    ['2024-12-26', 'Tweede Kerstdag'],
  ],
  2025: [
    ['2025-01-01', 'Nieuwjaarsdag'],
    ['2025-04-18', 'Goede Vrijdag'],
    ['2025-04-20', 'Eerste Paasdag'],
    ['2025-04-21', 'Tweede Paasdag'],
    ['2025-04-26', 'Koningsdag'],
    ['2025-05-05', 'Bevrijdingsdag'],
    ['2025-05-29', 'Hemelvaartsdag'],
    ['2025-06-08', 'Eerste Pinksterdag'],
    ['2025-06-09', 'Tweede Pinksterdag'],
    ['2025-12-25', 'Eerste Kerstdag'],
    ['2025-12-26', 'Tweede Kerstdag'],
  ],
  2026: [
    ['2026-01-01', 'Nieuwjaarsdag'],
    ['2026-04-03', 'Goede Vrijdag'],
    ['2026-04-05', 'Eerste Paasdag'],
    ['2026-04-06', 'Tweede Paasdag'],
    ['2026-04-27', 'Koningsdag'],
    ['2026-05-05', 'Bevrijdingsdag'],
    ['2026-05-14', 'Hemelvaartsdag'],
    ['2026-05-24', 'Eerste Pinksterdag'],
    ['2026-05-25', 'Tweede Pinksterdag'],
    ['2026-12-25', 'Eerste Kerstdag'],
    ['2026-12-26', 'Tweede Kerstdag'],
  ],
  2027: [
    ['2027-01-01', 'Nieuwjaarsdag'],
    ['2027-03-26', 'Goede Vrijdag'],
    ['2027-03-28', 'Eerste Paasdag'],
    ['2027-03-29', 'Tweede Paasdag'],
    ['2027-04-27', 'Koningsdag'],
    ['2027-05-05', 'Bevrijdingsdag'],
    ['2027-05-06', 'Hemelvaartsdag'],
    ['2027-05-16', 'Eerste Pinksterdag'],
    ['2027-05-17', 'Tweede Pinksterdag'],
    ['2027-12-25', 'Eerste Kerstdag'],
    ['2027-12-26', 'Tweede Kerstdag'],
  ],
};

describe('Dutch public holidays', () => {
  for (const [year, days] of Object.entries(known)) {
    it(`lists exactly the known holidays of ${year}`, () => {
      expect(dutchHolidays(Number(year)).map((h) => [h.date, h.name])).toEqual(days);
    });
  }

  it('finds Easter Sunday by the Gregorian computus, including the extremes', () => {
    expect(
      [1818, 1943, 2000, 2008, 2019, 2024, 2025, 2026, 2027, 2038, 2285].map(easterSunday),
    ).toEqual([
      '1818-03-22',
      '1943-04-25',
      '2000-04-23',
      '2008-03-23',
      '2019-04-21',
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
      '2285-03-22',
    ]);
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });

  it('moves Koningsdag to Saturday 26 April when the 27th is a Sunday, but not from a Saturday', () => {
    expect(dutchHolidays(2025).find((h) => h.name === 'Koningsdag')?.date).toBe('2025-04-26');
    expect(dutchHolidays(2031).find((h) => h.name === 'Koningsdag')?.date).toBe('2031-04-26');
    expect(dutchHolidays(2024).find((h) => h.name === 'Koningsdag')?.date).toBe('2024-04-27');
    expect(isDutchHoliday('2025-04-27')).toBe(false);
  });

  it('knows Koninginnedag before 2014, moved to the 29th from a Sunday', () => {
    expect(dutchHolidays(2006).find((h) => h.name === 'Koninginnedag')?.date).toBe('2006-04-29');
    expect(dutchHolidays(2013).find((h) => h.name === 'Koninginnedag')?.date).toBe('2013-04-30');
  });

  it('leaves Goede Vrijdag out when the house does not give it off', () => {
    expect(isDutchHoliday('2026-04-03')).toBe(true);
    expect(isDutchHoliday('2026-04-03', { goodFriday: false })).toBe(false);
    expect(dutchHolidays(2026, { goodFriday: false })).toHaveLength(10);
  });

  it('gives Bevrijdingsdag every year by default, or only in lustrum years, or never', () => {
    expect(isDutchHoliday('2026-05-05')).toBe(true);
    expect(isDutchHoliday('2026-05-05', { liberationDay: 'lustrum_years' })).toBe(false);
    expect(isDutchHoliday('2025-05-05', { liberationDay: 'lustrum_years' })).toBe(true);
    expect(isDutchHoliday('2030-05-05', { liberationDay: 'lustrum_years' })).toBe(true);
    expect(isDutchHoliday('2030-05-05', { liberationDay: 'never' })).toBe(false);
  });

  it('rejects a day that does not exist', () => {
    expect(() => isDutchHoliday('2026-02-30')).toThrow('Ongeldige datum "2026-02-30".');
    expect(() => isDutchHoliday('5-5-2026')).toThrow(RangeError);
  });
});
