import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/validation/zod';
import { DEFAULT_RETENTION_SETTINGS, retentionSettingsSchema } from './settings';
import { addYearsUtc, extendedRetentionEnd, isRetentionExpired, latestExpirableClosure, retentionEndsAt } from './term';

const settings = DEFAULT_RETENTION_SETTINGS;
const closed = new Date('2026-03-10T14:30:00Z');

describe('retention settings', () => {
  it('defaults to 2 years for rejected cases, 5 for handled ones and for the audit log, extensions of 1', () => {
    expect(DEFAULT_RETENTION_SETTINGS).toEqual({ rejectedYears: 2, handledYears: 5, auditLogYears: 5, extensionYears: 1 });
  });

  it('refuses fractions, zero and absurd terms, in Dutch', () => {
    const result = retentionSettingsSchema.safeParse({ rejectedYears: 1.5, handledYears: 0, auditLogYears: 99, extensionYears: 'twee' });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      rejectedYears: ['moet een geheel aantal jaren zijn'],
      handledYears: ['moet minstens 1 jaar zijn'],
      auditLogYears: ['mag hoogstens 20 jaar zijn'],
      extensionYears: ['moet een getal zijn'],
    });
  });
});

describe('the retention term', () => {
  it('adds calendar years in UTC; 29 February becomes 28 February', () => {
    expect(addYearsUtc(closed, 2).toISOString()).toBe('2028-03-10T14:30:00.000Z');
    expect(addYearsUtc(new Date('2028-02-29T08:00:00Z'), 1).toISOString()).toBe('2029-02-28T08:00:00.000Z');
    expect(addYearsUtc(new Date('2028-02-29T08:00:00Z'), -4).toISOString()).toBe('2024-02-29T08:00:00.000Z');
  });

  it('is 2 years for a rejected case, 5 for a handled one, none for an open one', () => {
    expect(retentionEndsAt({ status: 'afgewezen', closedAt: closed, retentionExtendedUntil: null }, settings)).toEqual(new Date('2028-03-10T14:30:00Z'));
    expect(retentionEndsAt({ status: 'afgesloten', closedAt: closed, retentionExtendedUntil: null }, settings)).toEqual(new Date('2031-03-10T14:30:00Z'));
    for (const status of ['aangemeld', 'triage', 'actief', 'monitoring'] as const) {
      expect(retentionEndsAt({ status, closedAt: closed, retentionExtendedUntil: null }, settings)).toBeNull();
    }
  });

  it('expires at the end of the term, not a moment before', () => {
    const rejected = { status: 'afgewezen' as const, closedAt: closed, retentionExtendedUntil: null };
    expect(isRetentionExpired(rejected, settings, new Date('2028-03-10T14:29:59Z'))).toBe(false);
    expect(isRetentionExpired(rejected, settings, new Date('2028-03-10T14:30:00Z'))).toBe(true);
  });

  it('follows an extension, which never shortens the term', () => {
    const until = new Date('2029-03-10T14:30:00Z');
    expect(retentionEndsAt({ status: 'afgewezen', closedAt: closed, retentionExtendedUntil: until }, settings)).toEqual(until);
    // Terms raised later than the extension: the longer one counts.
    expect(retentionEndsAt({ status: 'afgewezen', closedAt: closed, retentionExtendedUntil: until }, { ...settings, rejectedYears: 4 })).toEqual(
      new Date('2030-03-10T14:30:00Z'),
    );
  });

  it('extends from the current end, or from now when that end has passed', () => {
    const facts = { status: 'afgewezen' as const, closedAt: closed, retentionExtendedUntil: null };
    expect(extendedRetentionEnd(facts, settings, new Date('2027-01-01T00:00:00Z'))).toEqual(new Date('2029-03-10T14:30:00Z'));
    expect(extendedRetentionEnd(facts, { ...settings, extensionYears: 3 }, new Date('2028-06-01T00:00:00Z'))).toEqual(
      new Date('2031-06-01T00:00:00Z'),
    );
  });

  it('filters candidates in the database by the shortest term, with a day to spare', () => {
    expect(latestExpirableClosure(settings, new Date('2030-05-01T00:00:00Z'))).toEqual(new Date('2028-05-02T00:00:00Z'));
  });
});
