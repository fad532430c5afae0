import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { caseEvents, casePartners, organisations, users, type CaseStatus } from '@/db/schema';
import type { Tx } from '@/db/types';

export type TimelineItem =
  | {
      kind: 'status' | 'triage' | 'pause' | 'resume' | 'edit';
      at: Date;
      actorName: string;
      fromStatus: CaseStatus | null;
      toStatus: CaseStatus | null;
      reason: string | null;
      data: Record<string, unknown> | null;
    }
  | { kind: 'partner-added' | 'partner-ended'; at: Date; actorName: string; organisationName: string; reason: string | null };

const ender = alias(users, 'ender');

/** Everything that happened to a case, newest first. Later features add meetings and agreements. */
export async function loadTimeline(tx: Tx, caseId: string): Promise<TimelineItem[]> {
  const [events, partners] = await Promise.all([
    tx
      .select({
        kind: caseEvents.kind,
        at: caseEvents.at,
        actorName: users.name,
        fromStatus: caseEvents.fromStatus,
        toStatus: caseEvents.toStatus,
        reason: caseEvents.reason,
        data: caseEvents.data,
      })
      .from(caseEvents)
      .innerJoin(users, eq(users.id, caseEvents.actorUserId))
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.at)),
    tx
      .select({
        organisationName: organisations.name,
        addedAt: casePartners.addedAt,
        addedBy: users.name,
        reason: casePartners.reason,
        endedAt: casePartners.endedAt,
        endedBy: ender.name,
        endReason: casePartners.endReason,
      })
      .from(casePartners)
      .innerJoin(organisations, eq(organisations.id, casePartners.organisationId))
      .innerJoin(users, eq(users.id, casePartners.addedByUserId))
      .leftJoin(ender, and(eq(ender.id, casePartners.endedByUserId)))
      .where(eq(casePartners.caseId, caseId)),
  ]);
  const items: TimelineItem[] = events.map((e) => ({ ...e, data: (e.data as Record<string, unknown> | null) ?? null }));
  for (const p of partners) {
    items.push({ kind: 'partner-added', at: p.addedAt, actorName: p.addedBy, organisationName: p.organisationName, reason: p.reason });
    if (p.endedAt) {
      items.push({
        kind: 'partner-ended',
        at: p.endedAt,
        actorName: p.endedBy ?? '',
        organisationName: p.organisationName,
        reason: p.endReason,
      });
    }
  }
  return items.sort((a, b) => b.at.getTime() - a.at.getTime());
}

