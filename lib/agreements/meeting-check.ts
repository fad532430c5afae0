import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agreements, organisations, users } from '@/db/schema';
import type { Tx } from '@/db/types';
import { OPEN_AGREEMENT_STATUSES } from './statuses';

const ownerUser = alias(users, 'check_owner_user');

/**
 * The afsprakencheck of a meeting's case items: each case's open agreements, plus the ones made or closed
 * in this meeting (so what was decided at the table stays in view), overdue and blocked ones marked.
 * Read inside the meeting's transaction: row-level security decides, as for the case page.
 */
export function checkedAgreements(tx: Tx, meetingId: string, caseIds: string[], today: string) {
  if (caseIds.length === 0) return Promise.resolve([]);
  const open = inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]);
  return tx
    .select({
      id: agreements.id,
      caseId: agreements.caseId,
      description: agreements.description,
      ownerOrganisationId: agreements.ownerOrganisationId,
      ownerOrganisationName: organisations.name,
      ownerUserId: agreements.ownerUserId,
      ownerUserName: ownerUser.name,
      dueDate: agreements.dueDate,
      status: agreements.status,
      lastProgressAt: agreements.lastProgressAt,
      overdue: sql<boolean>`(${open} and ${agreements.dueDate} < ${today})`,
      blocked: sql<boolean>`(${open} and ${agreements.blockedAt} is not null)`,
      blockedReason: sql<string | null>`case when ${open} then ${agreements.blockedReason} end`,
      closeReason: agreements.closeReason,
      closeNote: agreements.closeNote,
      madeHere: sql<boolean>`coalesce(${agreements.meetingId} = ${meetingId}, false)`,
      closedHere: sql<boolean>`coalesce(${agreements.closedInMeetingId} = ${meetingId}, false)`,
      version: agreements.version,
    })
    .from(agreements)
    .innerJoin(organisations, eq(organisations.id, agreements.ownerOrganisationId))
    .leftJoin(ownerUser, eq(ownerUser.id, agreements.ownerUserId))
    .where(
      and(
        inArray(agreements.caseId, caseIds),
        or(open, eq(agreements.meetingId, meetingId), eq(agreements.closedInMeetingId, meetingId)),
      ),
    )
    .orderBy(sql`${open} desc`, asc(agreements.dueDate), asc(agreements.createdAt));
}

export type CheckedAgreement = Awaited<ReturnType<typeof checkedAgreements>>[number];
