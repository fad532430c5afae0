import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, max, ne, sql } from 'drizzle-orm';
import { agendaItems, agreements, cases, meetings, type CaseStatus } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { assertMeetingAction } from './access';
import { OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import { ACTIVE_CASE_STATUSES } from '@/lib/cases/statuses';

const DAY = 24 * 3600 * 1000;
/** A case triaged this recently is "new after triage". */
export const NEW_AFTER_TRIAGE_DAYS = 30;
/** An active or monitored case not discussed for this long is due for review. */
export const REVIEW_AFTER_DAYS = 42;

/** Why a case is proposed for the agenda; a case can have several reasons. */
export type ProposalReason =
  | { kind: 'triaged'; at: Date }
  | { kind: 'overdue'; count: number }
  | { kind: 'blocked'; count: number }
  | { kind: 'review'; lastDiscussedAt: Date | null };

export interface CaseProposal {
  caseId: string;
  number: string;
  subjectName: string;
  status: CaseStatus;
  reasons: ProposalReason[];
}

/** Cases already on the agenda of a meeting that has not ended (concept, gepland or bezig). */
async function onUpcomingAgenda(tx: Tx, now: Date): Promise<Set<string>> {
  const rows = await tx
    .selectDistinct({ caseId: agendaItems.caseId })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(isNotNull(agendaItems.caseId), inArray(meetings.status, ['concept', 'gepland', 'bezig']), gte(meetings.endsAt, now)));
  return new Set(rows.map((r) => r.caseId!));
}

/**
 * The cases that need the table, for a regisseur preparing an agenda: active cases triaged in the last
 * 30 days, cases with overdue or blocked agreements, and active or monitored cases not discussed in a
 * meeting for 6 weeks. Cases already on the agenda of a coming meeting, and paused cases (their clocks
 * stand still), are left out. Each proposal says why.
 */
export async function proposeCases(actor: Actor, now = new Date()): Promise<CaseProposal[]> {
  assertMeetingAction(actor, 'agendaItem.propose');
  return asUser(actor.userId, async (tx) => {
    const scheduled = await onUpcomingAgenda(tx, now);
    const open = await tx
      .select({ id: cases.id, number: cases.number, subjectName: cases.subjectName, status: cases.status, triagedAt: cases.triagedAt })
      .from(cases)
      .where(and(inArray(cases.status, [...ACTIVE_CASE_STATUSES]), isNull(cases.pauseReason)))
      .orderBy(asc(cases.number));
    const candidates = open.filter((c) => !scheduled.has(c.id));
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c.id);

    const today = todayInAmsterdam(now);
    const overdue = await tx
      .select({ caseId: agreements.caseId, n: count() })
      .from(agreements)
      .where(and(inArray(agreements.caseId, ids), inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]), lt(agreements.dueDate, today)))
      .groupBy(agreements.caseId);
    const blocked = await tx
      .select({ caseId: agreements.caseId, n: count() })
      .from(agreements)
      .where(and(inArray(agreements.caseId, ids), inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]), isNotNull(agreements.blockedAt)))
      .groupBy(agreements.caseId);
    // Discussed: on the agenda of a meeting that took place (bezig or afgerond), and not moved on.
    const discussed = await tx
      .select({ caseId: agendaItems.caseId, last: max(meetings.startsAt) })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(
        and(
          inArray(agendaItems.caseId, ids),
          inArray(meetings.status, ['bezig', 'afgerond']),
          ne(agendaItems.status, 'doorgeschoven'),
          sql`${meetings.startsAt} <= ${now}`,
        ),
      )
      .groupBy(agendaItems.caseId);

    const newSince = new Date(now.getTime() - NEW_AFTER_TRIAGE_DAYS * DAY);
    const reviewBefore = new Date(now.getTime() - REVIEW_AFTER_DAYS * DAY);
    const proposals: CaseProposal[] = [];
    for (const c of candidates) {
      const reasons: ProposalReason[] = [];
      if (c.status === 'actief' && c.triagedAt && c.triagedAt >= newSince) reasons.push({ kind: 'triaged', at: c.triagedAt });
      const late = overdue.find((o) => o.caseId === c.id)?.n ?? 0;
      if (late > 0) reasons.push({ kind: 'overdue', count: late });
      const stuck = blocked.find((o) => o.caseId === c.id)?.n ?? 0;
      if (stuck > 0) reasons.push({ kind: 'blocked', count: stuck });
      const last = discussed.find((d) => d.caseId === c.id)?.last ?? null;
      const lastDiscussedAt = last ? new Date(last) : null;
      const triagedRecently = reasons[0]?.kind === 'triaged';
      if (!triagedRecently && (!lastDiscussedAt || lastDiscussedAt < reviewBefore)) reasons.push({ kind: 'review', lastDiscussedAt });
      if (reasons.length) proposals.push({ caseId: c.id, number: c.number, subjectName: c.subjectName, status: c.status, reasons });
    }
    return proposals;
  });
}
