import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  agendaItems,
  agreementActions,
  agreementDueChanges,
  agreements,
  caseEvents,
  casePartners,
  meetings,
  organisations,
  type CaseStatus,
} from '@/db/schema';
import type { Tx } from '@/db/types';
import { oneByOne } from '@/db/one-by-one';
import { contactsOf } from './case-contacts';

export type TimelineItem =
  | {
      kind: 'status' | 'triage' | 'pause' | 'resume' | 'edit' | 'merge' | 'unmerge' | 'match';
      at: Date;
      actorName: string;
      fromStatus: CaseStatus | null;
      toStatus: CaseStatus | null;
      reason: string | null;
      data: Record<string, unknown> | null;
    }
  | { kind: 'partner-added' | 'partner-ended'; at: Date; actorName: string; organisationName: string; reason: string | null }
  | { kind: 'agreement-created'; at: Date; actorName: string; organisationName: string; reason: string; dueDate: string }
  | { kind: 'agreement-moved'; at: Date; actorName: string; reason: string; fromDate: string; toDate: string; description: string }
  | {
      kind: 'agreement-action';
      at: Date;
      actorName: string;
      organisationName: string;
      action: 'voortgang' | 'gereed' | 'geblokkeerd' | 'status';
      reason: string | null;
      description: string;
    }
  | { kind: 'meeting-item'; at: Date; actorName: string; meetingId: string; meetingTitle: string; reason: string | null }
  | { kind: 'contact'; at: Date; actorName: string; contact: 'telefoon' | 'mail' | 'overleg'; contactDate: string; organisationName: string; reason: string };

/**
 * Everything that happened to a case, newest first. Names are the snapshots taken when each line was
 * written (drizzle/0022): a later rename of an account does not rewrite who did what.
 */
export async function loadTimeline(tx: Tx, caseId: string): Promise<TimelineItem[]> {
  const [events, partners] = await oneByOne([
    tx
      .select({
        kind: caseEvents.kind,
        at: caseEvents.at,
        actorName: caseEvents.actorName,
        fromStatus: caseEvents.fromStatus,
        toStatus: caseEvents.toStatus,
        reason: caseEvents.reason,
        data: caseEvents.data,
      })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.at)),
    tx
      .select({
        organisationName: organisations.name,
        addedAt: casePartners.addedAt,
        addedBy: casePartners.addedByName,
        reason: casePartners.reason,
        endedAt: casePartners.endedAt,
        endedBy: casePartners.endedByName,
        endReason: casePartners.endReason,
      })
      .from(casePartners)
      .innerJoin(organisations, eq(organisations.id, casePartners.organisationId))
      .where(eq(casePartners.caseId, caseId)),
  ]);
  const [created, moved, actions, discussed] = await oneByOne([
    tx
      .select({ at: agreements.createdAt, actorName: agreements.createdByName, organisationName: organisations.name, reason: agreements.description, dueDate: agreements.originalDueDate })
      .from(agreements)
      .innerJoin(organisations, eq(organisations.id, agreements.ownerOrganisationId))
      .where(eq(agreements.caseId, caseId)),
    tx
      .select({ at: agreementDueChanges.at, actorName: agreementDueChanges.changedByName, reason: agreementDueChanges.reason, fromDate: agreementDueChanges.fromDate, toDate: agreementDueChanges.toDate, description: agreements.description })
      .from(agreementDueChanges)
      .innerJoin(agreements, eq(agreements.id, agreementDueChanges.agreementId))
      .where(eq(agreements.caseId, caseId)),
    tx
      .select({ at: agreementActions.createdAt, actorName: agreementActions.authorName, organisationName: agreementActions.authorOrganisationName, action: agreementActions.kind, reason: agreementActions.note, description: agreements.description })
      .from(agreementActions)
      .innerJoin(agreements, eq(agreements.id, agreementActions.agreementId))
      .where(eq(agreements.caseId, caseId)),
    tx
      .select({ at: meetings.startsAt, meetingId: meetings.id, meetingTitle: meetings.title, reason: agendaItems.outcome })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(agendaItems.caseId, caseId), inArray(meetings.status, ['bezig', 'afgerond']))),
  ]);
  const contacts = await contactsOf(tx, caseId);
  const items: TimelineItem[] = [
    ...contacts.map((c) => ({
      kind: 'contact' as const,
      at: c.createdAt,
      actorName: c.authorName,
      contact: c.kind,
      contactDate: c.contactDate,
      organisationName: c.organisation,
      reason: c.note,
    })),
    ...created.map((c) => ({ kind: 'agreement-created' as const, ...c })),
    ...moved.map((m) => ({ kind: 'agreement-moved' as const, ...m })),
    ...actions.map((a) => ({ kind: 'agreement-action' as const, ...a })),
    ...discussed.map((d) => ({ kind: 'meeting-item' as const, actorName: '', ...d })),
  ];
  items.push(...events.map((e) => ({ ...e, data: (e.data as Record<string, unknown> | null) ?? null })));
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

