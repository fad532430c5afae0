import { describe, expect, it } from 'vitest';
import { nextWorkingHour, reminderDeliveryTime } from './working-hours';

describe('nextWorkingHour', () => {
  it('keeps a moment inside working hours', () => {
    expect(nextWorkingHour(new Date('2026-11-24T10:00:00Z')).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });
  it('moves an evening to the next morning at 08:00 Amsterdam', () => {
    expect(nextWorkingHour(new Date('2026-11-24T19:00:00Z')).toISOString()).toBe('2026-11-25T07:00:00.000Z');
  });
  it('moves a Saturday to Monday, and skips Tweede Kerstdag', () => {
    expect(nextWorkingHour(new Date('2026-11-28T10:00:00Z')).toISOString()).toBe('2026-11-30T07:00:00.000Z');
    expect(nextWorkingHour(new Date('2026-12-24T18:00:00Z')).toISOString()).toBe('2026-12-28T07:00:00.000Z');
  });
});

describe('nextWorkingHour under other holiday settings', () => {
  it('treats Goede Vrijdag as a working day when the house works on it', () => {
    // Thursday 2 April 2026, 18:00: Good Friday 3 April, Easter Monday 6 April.
    const evening = new Date('2026-04-02T16:00:00Z');
    expect(nextWorkingHour(evening).toISOString()).toBe('2026-04-07T06:00:00.000Z');
    expect(nextWorkingHour(evening, { goodFriday: false }).toISOString()).toBe('2026-04-03T06:00:00.000Z');
  });
});

describe('reminderDeliveryTime: before the due date, or at once', () => {
  it('sends a Friday-evening reminder for Saturday at once, not on Monday after the date', () => {
    const fridayEvening = new Date('2026-12-11T18:30:00Z'); // 19:30 in Amsterdam
    expect(reminderDeliveryTime(fridayEvening, '2026-12-12')).toEqual(fridayEvening);
    expect(reminderDeliveryTime(fridayEvening, '2026-12-14')).toEqual(fridayEvening);
  });

  it('waits for working hours while a working day before the due date is left', () => {
    const fridayEvening = new Date('2026-12-11T18:30:00Z');
    expect(reminderDeliveryTime(fridayEvening, '2026-12-15').toISOString()).toBe('2026-12-14T07:00:00.000Z');
    const fridayMorning = new Date('2026-12-11T09:00:00Z');
    expect(reminderDeliveryTime(fridayMorning, '2026-12-12')).toEqual(fridayMorning);
  });

  it('counts Christmas out: for Monday 28 December the last chance is Thursday the 24th', () => {
    expect(reminderDeliveryTime(new Date('2026-12-23T18:00:00Z'), '2026-12-28').toISOString()).toBe('2026-12-24T07:00:00.000Z');
    const christmasEve = new Date('2026-12-24T17:00:00Z'); // 18:00, after working hours
    expect(reminderDeliveryTime(christmasEve, '2026-12-28')).toEqual(christmasEve);
    const christmasDay = new Date('2026-12-25T09:00:00Z');
    expect(reminderDeliveryTime(christmasDay, '2026-12-28')).toEqual(christmasDay);
  });

  it('keeps to 08:00 Amsterdam across the change to and from summer time', () => {
    // Saturday 28 March 2026 (CET); the clocks go forward on Sunday: Monday 08:00 is 06:00 UTC.
    expect(reminderDeliveryTime(new Date('2026-03-28T09:00:00Z'), '2026-03-31').toISOString()).toBe('2026-03-30T06:00:00.000Z');
    // Saturday 24 October 2026 (CEST); the clocks go back on Sunday: Monday 08:00 is 07:00 UTC.
    expect(reminderDeliveryTime(new Date('2026-10-24T08:00:00Z'), '2026-10-27').toISOString()).toBe('2026-10-26T07:00:00.000Z');
    // A summer Friday evening, 19:30 CEST, for Saturday: at once.
    const summerFriday = new Date('2026-07-10T17:30:00Z');
    expect(reminderDeliveryTime(summerFriday, '2026-07-11')).toEqual(summerFriday);
    // A summer Friday, 16:59 CEST, is still in working hours.
    const lastMinute = new Date('2026-07-10T14:59:00Z');
    expect(reminderDeliveryTime(lastMinute, '2026-07-11')).toEqual(lastMinute);
  });
});
