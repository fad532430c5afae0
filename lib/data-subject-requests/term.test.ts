import { describe, expect, it } from 'vitest';
import { addMonths, countdown, dueOn, inTime, latestDueOn } from './term';

describe('the AVG term of a data-subject request', () => {
  it('is one calendar month from receipt, the last day of a shorter month when the day does not exist', () => {
    expect(dueOn('2026-03-10')).toBe('2026-04-10');
    expect(dueOn('2026-01-31')).toBe('2026-02-28');
    expect(dueOn('2028-01-31')).toBe('2028-02-29');
    expect(dueOn('2026-03-31')).toBe('2026-04-30');
    expect(dueOn('2026-12-15')).toBe('2027-01-15');
  });

  it('is extended to at most three months from receipt in all', () => {
    expect(latestDueOn('2026-01-31')).toBe('2026-04-30');
    expect(latestDueOn('2026-11-30')).toBe('2027-02-28');
    expect(addMonths('2026-02-28', 2)).toBe('2026-04-28');
  });

  it('rejects a day that does not exist', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });

  it('counts down in Amsterdam days, across the change to summer time', () => {
    // 22:30 UTC on 29 March 2026 is 00:30 on 30 March in Amsterdam (CEST): the day has turned there.
    expect(countdown('2026-04-04', new Date('2026-03-29T22:30:00Z'))).toEqual({ state: 'left', days: 5 });
    // 22:30 UTC on 28 March is 23:30 in Amsterdam (CET), still the 28th.
    expect(countdown('2026-04-04', new Date('2026-03-28T22:30:00Z'))).toEqual({ state: 'left', days: 7 });
    // And back in October: 23:30 UTC on 25 October is 00:30 on the 26th (CET).
    expect(countdown('2026-10-26', new Date('2026-10-25T23:30:00Z'))).toEqual({ state: 'today', days: 0 });
  });

  it('says how late a request is once the term passed', () => {
    expect(countdown('2026-04-10', new Date('2026-04-12T08:00:00Z'))).toEqual({ state: 'late', days: 2 });
    expect(inTime('2026-04-10', '2026-04-10')).toBe(true);
    expect(inTime('2026-04-10', '2026-04-11')).toBe(false);
  });
});
