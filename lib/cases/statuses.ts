import type { CaseStatus } from '@/db/schema';

/*
 * The case statuses by what they mean, named once (no database access here: client components may use it).
 * Ended: closed or rejected; takes no new work, its clocks stop, its retention term runs.
 * Active: taken on and being worked on or watched (the dashboard's "lopend", the agenda's candidates).
 */
export const ENDED_CASE_STATUSES = ['afgesloten', 'afgewezen'] as const satisfies readonly CaseStatus[];
export const ACTIVE_CASE_STATUSES = ['actief', 'monitoring'] as const satisfies readonly CaseStatus[];

export function isEndedCase(status: string): boolean {
  return (ENDED_CASE_STATUSES as readonly string[]).includes(status);
}
