import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { agreements, casePartners, cases } from '@/db/schema';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import { readStatusRounds } from '@/lib/meetings/status-round';
import type { QueueClock } from './clock';
import type { ProfessionalQueue } from './queue-views';
import { QUEUE_LIMIT } from './regisseur-queue';

/** How long a case counts as newly convened to the professional's organisation. */
export const NEWLY_CONVENED_DAYS = 14;

/**
 * A partner's week: her organisation's open agreements that are overdue or due by Sunday, the statusrondes
 * asked of it, and cases it was convened to lately. Row-level security keeps every read to the cases her
 * organisation is convened to now; the owner condition keeps the agreements to those it must carry out.
 */
export async function professionalQueue(tx: Tx, actor: Actor, clock: QueueClock): Promise<ProfessionalQueue> {
  const open = await tx
    .select({
      agreementId: agreements.id,
      caseId: cases.id,
      caseNumber: cases.number,
      description: agreements.description,
      dueDate: agreements.dueDate,
      status: agreements.status,
      blockedAt: agreements.blockedAt,
      ownerUserId: agreements.ownerUserId,
    })
    .from(agreements)
    .innerJoin(cases, eq(cases.id, agreements.caseId))
    .where(
      and(
        eq(agreements.ownerOrganisationId, actor.organisationId),
        inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]),
        lte(agreements.dueDate, clock.weekEnd),
      ),
    )
    .orderBy(asc(agreements.dueDate), asc(cases.number))
    .limit(2 * QUEUE_LIMIT);
  const items = open.map(({ blockedAt, ownerUserId, ...a }) => ({
    ...a,
    overdue: a.dueDate < clock.today,
    blocked: blockedAt !== null,
    namedToMe: ownerUserId === actor.userId,
  }));

  const rounds = await readStatusRounds(tx, actor, clock.now);
  const statusRequests = rounds.map((r) => ({
    meetingId: r.meetingId,
    title: r.title,
    startsAt: r.startsAt,
    dueDate: r.dueDate,
    late: r.late,
    agreements: r.agreements.length,
    reported: r.agreements.filter((a) => a.reportedAt !== null).length,
  }));

  const since = new Date(clock.todayStart.getTime() - NEWLY_CONVENED_DAYS * 24 * 3600 * 1000);
  const newlyConvened = await tx
    .select({ caseId: cases.id, number: cases.number, targetGroup: cases.targetGroup, convenedAt: casePartners.addedAt })
    .from(casePartners)
    .innerJoin(cases, eq(cases.id, casePartners.caseId))
    .where(and(eq(casePartners.organisationId, actor.organisationId), isNull(casePartners.endedAt), gte(casePartners.addedAt, since)))
    .orderBy(desc(casePartners.addedAt))
    .limit(QUEUE_LIMIT);

  return {
    role: 'professional',
    today: clock.today,
    overdue: items.filter((a) => a.overdue).slice(0, QUEUE_LIMIT),
    dueThisWeek: items.filter((a) => !a.overdue).slice(0, QUEUE_LIMIT),
    statusRequests,
    newlyConvened,
  };
}
