import { describe, expect, it } from 'vitest';
import { formatDutchDay, startOfAmsterdamDay, toIsoDay } from './calendar-day';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

describe('Amsterdam calendar days', () => {
  it('reads the day in Amsterdam, not in UTC', () => {
    expect(toIsoDay(new Date('2026-04-02T22:30:00Z'))).toBe('2026-04-03'); // 00:30 CEST
    expect(toIsoDay(new Date('2026-04-02T21:59:59Z'))).toBe('2026-04-02');
    expect(toIsoDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01'); // 00:00 CET
  });

  it('reads the day right up to the millisecond around both clock changes', () => {
    expect(toIsoDay(new Date('2026-03-28T22:59:59.999Z'))).toBe('2026-03-28'); // 23:59:59.999 CET
    expect(toIsoDay(new Date('2026-03-29T21:59:59.999Z'))).toBe('2026-03-29'); // 23:59:59.999 CEST
    expect(toIsoDay(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    expect(toIsoDay(new Date('2026-10-24T21:59:59.999Z'))).toBe('2026-10-24'); // 23:59:59.999 CEST
    expect(toIsoDay(new Date('2026-10-25T22:59:59.999Z'))).toBe('2026-10-25'); // 23:59:59.999 CET
    expect(toIsoDay(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
    expect(() => toIsoDay(new Date('nonsense'))).toThrow('Ongeldige datum.');
  });

  it('starts a day at Amsterdam midnight on both sides of a clock change', () => {
    expect(startOfAmsterdamDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfAmsterdamDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfAmsterdamDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfAmsterdamDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('writes a date the Dutch way', () => {
    expect(formatDutchDay('2026-11-12')).toBe('12 november 2026');
    expect(formatDutchDay(new Date('2026-12-31T23:30:00Z'))).toBe('1 januari 2027');
  });
});

describe('isWorkingDay', () => {
  it('excludes weekends', () => {
    expect(['2026-11-13', '2026-11-14', '2026-11-15', '2026-11-16'].map((d) => isWorkingDay(d))).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('excludes Easter, Koningsdag, Bevrijdingsdag, Hemelvaart, Pinksteren, Christmas and New Year', () => {
    for (const day of ['2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-25', '2026-12-25', '2027-01-01']) {
      expect(isWorkingDay(day), day).toBe(false);
    }
    for (const day of ['2026-04-02', '2026-04-07', '2026-04-28', '2026-05-15', '2026-05-26', '2026-12-24', '2026-12-28', '2025-04-28']) {
      expect(isWorkingDay(day), day).toBe(true);
    }
  });

  it('judges a moment by its Amsterdam day', () => {
    expect(isWorkingDay(new Date('2026-04-02T21:30:00Z'))).toBe(true); // Thursday 23:30
    expect(isWorkingDay(new Date('2026-04-02T22:30:00Z'))).toBe(false); // Goede Vrijdag 00:30
  });

  it('follows the holiday options', () => {
    expect(isWorkingDay('2026-04-03', { holidays: { goodFriday: false } })).toBe(true);
    expect(isWorkingDay('2026-05-05', { holidays: { liberationDay: 'lustrum_years' } })).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('steps over weekends from a weekday and from a weekend day', () => {
    expect(addWorkingDays('2026-11-13', 1)).toBe('2026-11-16');
    expect(addWorkingDays('2026-11-14', 1)).toBe('2026-11-16');
    expect(addWorkingDays('2026-11-16', 5)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-14', 0)).toBe('2026-11-14');
  });

  it('steps over Easter, Koningsdag, Bevrijdingsdag, Hemelvaart and Pinksteren', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-24', 1)).toBe('2026-04-28');
    expect(addWorkingDays('2026-05-04', 1)).toBe('2026-05-06');
    expect(addWorkingDays('2026-05-04', 1, { holidays: { liberationDay: 'never' } })).toBe('2026-05-05');
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-15');
    expect(addWorkingDays('2026-05-22', 1)).toBe('2026-05-26');
  });

  it('steps over Christmas and New Year', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-24', 4)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-24', 5)).toBe('2027-01-04');
  });

  it('counts backwards for a negative number', () => {
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    expect(addWorkingDays('2027-01-04', -5)).toBe('2026-12-24');
  });

  it('takes a moment as its Amsterdam day', () => {
    expect(addWorkingDays(new Date('2026-11-13T23:30:00Z'), 1)).toBe('2026-11-16'); // Saturday 00:30
  });

  it('skips paused days and refuses to run into a pause that has not ended', () => {
    const pauses = [{ from: new Date('2026-11-05T13:00:00Z'), to: new Date('2026-11-10T08:00:00Z') }];
    expect(addWorkingDays('2026-11-02', 3, { pauses })).toBe('2026-11-10');
    expect(addWorkingDays('2026-11-02', 2, { pauses: [{ from: '2026-11-05', to: null }] })).toBe('2026-11-04');
    expect(() => addWorkingDays('2026-11-02', 3, { pauses: [{ from: '2026-11-05', to: null }] })).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-02', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts whole working days after the first day up to and including the last', () => {
    expect(workingDaysBetween('2026-11-13', '2026-11-16')).toBe(1);
    expect(workingDaysBetween('2026-11-13', '2026-11-15')).toBe(0);
    expect(workingDaysBetween('2026-11-16', '2026-11-16')).toBe(0);
    expect(workingDaysBetween('2026-11-02', '2026-11-16')).toBe(10);
    expect(workingDaysBetween('2026-11-16', '2026-11-02')).toBe(-10);
  });

  it('counts across Easter 2026', () => {
    expect(workingDaysBetween('2026-03-30', '2026-04-13')).toBe(8);
  });

  it('counts 253 working days in 2026', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(253);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', { holidays: { goodFriday: false } })).toBe(254);
  });

  it('does not count the days of a pause: the day it starts is out, the day it ends is in', () => {
    // Paused Thursday 5 November 14:00, resumed Tuesday 10 November 09:00 (Amsterdam).
    const pauses = [{ from: new Date('2026-11-05T13:00:00Z'), to: new Date('2026-11-10T08:00:00Z') }];
    expect(workingDaysBetween('2026-11-02', '2026-11-16', { pauses })).toBe(7);
    expect(workingDaysBetween('2026-11-02', '2026-11-16', { pauses: [{ from: '2026-11-05', to: null }] })).toBe(2);
    expect(workingDaysBetween('2026-11-02', '2026-11-16', { pauses: [{ from: '2026-11-05', to: '2026-11-05' }] })).toBe(10);
  });

  it('adds and counts consistently, with and without pauses', () => {
    const pauses = [{ from: '2026-12-21', to: '2027-01-06' }];
    for (let n = 1; n <= 40; n++) {
      for (const options of [{}, { pauses }]) {
        const day = addWorkingDays('2026-12-01', n, options);
        expect(workingDaysBetween('2026-12-01', day, options)).toBe(n);
        expect(workingDaysBetween('2026-12-01', addWorkingDays(day, -1), options)).toBe(n - 1);
      }
    }
  });
});
