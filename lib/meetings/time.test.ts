import { describe, expect, it } from 'vitest';
import { amsterdamInstant, amsterdamParts } from './time';

describe('Amsterdam wall-clock time', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(amsterdamInstant('2026-01-13', '10:00').toISOString()).toBe('2026-01-13T09:00:00.000Z');
    expect(amsterdamInstant('2026-07-14', '10:00').toISOString()).toBe('2026-07-14T08:00:00.000Z');
  });

  it('round-trips across the change to summer time', () => {
    const instant = amsterdamInstant('2026-03-29', '14:30');
    expect(instant.toISOString()).toBe('2026-03-29T12:30:00.000Z');
    expect(amsterdamParts(instant)).toEqual({ date: '2026-03-29', time: '14:30' });
  });
});
