import type { CaseStatus } from '@/db/schema';
import type { RetentionSettings } from './settings';

/*
 * When a case's personal data goes: pure date arithmetic, shared by the purge, the case page and the
 * extension, so that the date a regisseur is shown is the date the job acts on.
 */

export type RetentionCategory = 'rejected' | 'handled';

export interface RetentionFacts {
  status: CaseStatus;
  closedAt: Date | null;
  retentionExtendedUntil: Date | null;
}

/** Only ended cases have a term: afgewezen (the short one) and afgesloten (the long one). */
export function retentionCategory(status: CaseStatus): RetentionCategory | null {
  if (status === 'afgewezen') return 'rejected';
  if (status === 'afgesloten') return 'handled';
  return null;
}

/**
 * Calendar years in UTC, whatever the server's time zone, so the page, the job and the database agree.
 * 29 February becomes 28 February in a year without it, as in PostgreSQL's interval arithmetic.
 */
export function addYearsUtc(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(date.getUTCFullYear() + years);
  if (result.getUTCMonth() !== date.getUTCMonth()) result.setUTCDate(0);
  return result;
}

/** The moment the personal data goes, or null for a case that is still open (it never goes then). */
export function retentionEndsAt(facts: RetentionFacts, settings: RetentionSettings): Date | null {
  const category = retentionCategory(facts.status);
  if (!category || !facts.closedAt) return null;
  const base = addYearsUtc(facts.closedAt, category === 'rejected' ? settings.rejectedYears : settings.handledYears);
  // An extension never shortens the term, also when the terms were raised after it was granted.
  const extended = facts.retentionExtendedUntil;
  return extended && extended > base ? new Date(extended.getTime()) : base;
}

export function isRetentionExpired(facts: RetentionFacts, settings: RetentionSettings, now: Date): boolean {
  const end = retentionEndsAt(facts, settings);
  return end !== null && end.getTime() <= now.getTime();
}

/**
 * The new end after the one extension: the configured term added to the current end, or to today when
 * that end has passed but the job has not run yet.
 */
export function extendedRetentionEnd(facts: RetentionFacts, settings: RetentionSettings, now: Date): Date | null {
  const end = retentionEndsAt(facts, settings);
  if (!end) return null;
  return addYearsUtc(end.getTime() > now.getTime() ? end : now, settings.extensionYears);
}

/**
 * The latest closure that can have expired at `now`, with a day to spare: a coarse filter for the
 * database, refined per case by isRetentionExpired.
 */
export function latestExpirableClosure(settings: RetentionSettings, now: Date): Date {
  const shortest = Math.min(settings.rejectedYears, settings.handledYears);
  return new Date(addYearsUtc(now, -shortest).getTime() + 24 * 60 * 60 * 1000);
}
