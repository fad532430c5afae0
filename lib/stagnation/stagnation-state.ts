import type { IsoDay } from '@/lib/calendar/calendar-day';

/**
 * What the stagnation rules read: a snapshot the sweep loads from the database in one go. Plain data,
 * so the rules stay pure and can be tested with a frozen clock.
 */

export type StagnationCaseStatus = 'aangemeld' | 'triage' | 'actief' | 'monitoring' | 'afgesloten' | 'afgewezen';

export type StagnationAgreementStatus = 'open' | 'in_uitvoering' | 'gereed' | 'niet_nagekomen' | 'vervallen';

export type CasePause = { from: Date; to: Date | null };

export type StagnationCase = {
  id: string;
  number: string;
  status: StagnationCaseStatus;
  createdAt: Date;
  triagedAt: Date | null;
  /** Every opschorting of the case, past and running (`to: null`). */
  pauses: readonly CasePause[];
  /** Last meeting, agreement or progress on the case; null when nothing happened since the referral. */
  lastActivityAt: Date | null;
  /**
   * The case's agreements that no longer run, when the snapshot leaves them out of `agreements`: how many,
   * and when the last of them was closed. The sweep does so because they are most of a large house's
   * agreements and no rule reads them one by one; their progress is then in `lastActivityAt`.
   */
  settledAgreements?: { count: number; lastClosedAt: Date | null };
};

export type StagnationAgreement = {
  id: string;
  caseId: string;
  ownerOrganisationId: string;
  status: StagnationAgreementStatus;
  createdAt: Date;
  dueDate: IsoDay;
  originalDueDate: IsoDay;
  dueDateMoves: number;
  lastProgressAt: Date | null;
  blockedAt: Date | null;
  /** Free text: read by people on the agreement itself, never copied into a signal. */
  blockedReason: string | null;
  /** When the due date was last moved (latest agreement_due_changes.at); dates the moved-rule's signal. */
  lastDueDateMoveAt?: Date | null;
  /** When it left open/in uitvoering (completedAt, or when it lapsed); dates "no open agreements". */
  closedAt?: Date | null;
};

export type StagnationState = {
  cases: readonly StagnationCase[];
  agreements: readonly StagnationAgreement[];
};
