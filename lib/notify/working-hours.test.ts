import { describe, expect, it } from 'vitest';
import { nextWorkingHour } from './working-hours';

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
