import { startOfAmsterdamDay } from '@/lib/calendar/calendar-day';
import { DEFAULT_STAGNATION_SETTINGS, type StagnationSettings } from './settings';
import type { StagnationAgreement, StagnationCase, StagnationState } from './stagnation-state';

/** Builders for the stagnation tests: a plausible case or agreement, with only what a test cares about changed. */

export function aCase(overrides: Partial<StagnationCase> & { id: string }): StagnationCase {
  return {
    number: `2026-${overrides.id}`,
    status: 'actief',
    createdAt: new Date('2026-09-01T08:00:00Z'),
    triagedAt: new Date('2026-09-03T08:00:00Z'),
    pauses: [],
    lastActivityAt: null,
    ...overrides,
  };
}

export function anAgreement(overrides: Partial<StagnationAgreement> & { id: string; caseId: string }): StagnationAgreement {
  const dueDate = overrides.dueDate ?? '2026-12-31';
  return {
    ownerOrganisationId: 'org-politie',
    status: 'open',
    createdAt: new Date('2026-11-02T09:00:00Z'),
    dueDate,
    originalDueDate: dueDate,
    dueDateMoves: 0,
    lastProgressAt: null,
    blockedAt: null,
    blockedReason: null,
    ...overrides,
  };
}

export function state(cases: StagnationCase[], agreements: StagnationAgreement[] = []): StagnationState {
  return { cases, agreements };
}

export function settings(overrides: Partial<StagnationSettings> = {}): StagnationSettings {
  return { ...DEFAULT_STAGNATION_SETTINGS, ...overrides };
}

/** A moment in Amsterdam: `at('2026-11-18')` is 09:00 local time that day (not for clock-change days). */
export function at(day: string, hour = 9): Date {
  return new Date(startOfAmsterdamDay(day).getTime() + hour * 3_600_000);
}
