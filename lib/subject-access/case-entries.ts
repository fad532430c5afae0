import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  agendaItems,
  agreementActions,
  agreementDueChanges,
  agreements,
  caseContacts,
  caseEvents,
  casePartners,
  cases,
  meetings,
  municipalities,
  organisations,
  signals,
  users,
} from '@/db/schema';
import type { Tx } from '@/db/types';
import type { CaseEntry, FreeText } from './document';
import { caseOutcomeColumns, caseStoryColumns } from '@/lib/cases/case-columns';

/** Free text with its flags; null stays null. */
export type Flagger = (text: string) => FreeText;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

const referrer = alias(users, 'referrer');
const referrerOrg = alias(organisations, 'referrer_org');
const actorOrg = alias(organisations, 'actor_org');
const referredByOrg = alias(organisations, 'referred_by_org');

/**
 * Everything about the given cases, each part read with the case ids as its only filter. One query after
 * the other: a transaction is one connection, and node-postgres deprecates overlapping queries on it.
 */
async function load(tx: Tx, ids: string[]) {
  const caseRows = await tx
    .select({
      ...caseStoryColumns,
      referrer: { organisationName: referrerOrg.name, role: referrer.role },
      referredByHouseOrganisation: referredByOrg.name,
      referredByOrganisationName: cases.referredByOrganisationName,
      ...caseOutcomeColumns,
      retentionExtendedUntil: cases.retentionExtendedUntil,
      retentionExtensionReason: cases.retentionExtensionReason,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .innerJoin(referrer, eq(referrer.id, cases.referrerUserId))
    .innerJoin(referrerOrg, eq(referrerOrg.id, cases.referrerOrganisationId))
    .leftJoin(referredByOrg, eq(referredByOrg.id, cases.referredByOrganisationId))
    .where(inArray(cases.id, ids))
    .orderBy(asc(cases.createdAt));
  const events = await tx
    .select({
      caseId: caseEvents.caseId,
      kind: caseEvents.kind,
      at: caseEvents.at,
      fromStatus: caseEvents.fromStatus,
      toStatus: caseEvents.toStatus,
      reason: caseEvents.reason,
      data: caseEvents.data,
      role: users.role,
      organisationName: actorOrg.name,
    })
    .from(caseEvents)
    .innerJoin(users, eq(users.id, caseEvents.actorUserId))
    .innerJoin(actorOrg, eq(actorOrg.id, users.organisationId))
    .where(inArray(caseEvents.caseId, ids))
    .orderBy(asc(caseEvents.at));
  const partners = await tx
    .select({
      caseId: casePartners.caseId,
      organisationName: organisations.name,
      reason: casePartners.reason,
      addedAt: casePartners.addedAt,
      endedAt: casePartners.endedAt,
      endReason: casePartners.endReason,
    })
    .from(casePartners)
    .innerJoin(organisations, eq(organisations.id, casePartners.organisationId))
    .where(inArray(casePartners.caseId, ids))
    .orderBy(asc(casePartners.addedAt));
  const agreementRows = await tx
    .select({
      id: agreements.id,
      caseId: agreements.caseId,
      description: agreements.description,
      ownerOrganisationName: organisations.name,
      ownerUserId: agreements.ownerUserId,
      status: agreements.status,
      dueDate: agreements.dueDate,
      originalDueDate: agreements.originalDueDate,
      dueDateMoves: agreements.dueDateMoves,
      blockedAt: agreements.blockedAt,
      blockedReason: agreements.blockedReason,
      completedAt: agreements.completedAt,
      completionNote: agreements.completionNote,
      createdAt: agreements.createdAt,
    })
    .from(agreements)
    .innerJoin(organisations, eq(organisations.id, agreements.ownerOrganisationId))
    .where(inArray(agreements.caseId, ids))
    .orderBy(asc(agreements.createdAt), asc(agreements.id));
  // Only the agenda items of these cases: a meeting discusses several cases, and the minutes of the
  // others are about other people.
  const items = await tx
    .select({
      caseId: agendaItems.caseId,
      meetingTitle: meetings.title,
      meetingKind: meetings.kind,
      meetingStatus: meetings.status,
      meetingStartsAt: meetings.startsAt,
      position: agendaItems.position,
      status: agendaItems.status,
      minutes: agendaItems.minutes,
      outcome: agendaItems.outcome,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(inArray(agendaItems.caseId, ids))
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position));
  const signalRows = await tx
    .select({
      caseId: signals.caseId,
      rule: signals.rule,
      status: signals.status,
      level: signals.level,
      since: signals.since,
      message: signals.message,
      snoozedUntil: signals.snoozedUntil,
      snoozeReason: signals.snoozeReason,
      resolvedAt: signals.resolvedAt,
      resolutionNote: signals.resolutionNote,
    })
    .from(signals)
    .where(inArray(signals.caseId, ids))
    .orderBy(asc(signals.since));
  const agreementIds = agreementRows.map((a) => a.id);
  const contacts = await tx
    .select({
      caseId: caseContacts.caseId,
      kind: caseContacts.kind,
      contactDate: caseContacts.contactDate,
      organisation: caseContacts.organisation,
      note: caseContacts.note,
      recordedAt: caseContacts.createdAt,
    })
    .from(caseContacts)
    .where(inArray(caseContacts.caseId, ids))
    .orderBy(asc(caseContacts.contactDate), asc(caseContacts.createdAt));
  if (agreementIds.length === 0) return { caseRows, events, partners, agreementRows, items, signalRows, dueChanges: [], progress: [], contacts };
  const dueChanges = await tx
    .select({
      agreementId: agreementDueChanges.agreementId,
      fromDate: agreementDueChanges.fromDate,
      toDate: agreementDueChanges.toDate,
      reason: agreementDueChanges.reason,
      at: agreementDueChanges.at,
    })
    .from(agreementDueChanges)
    .where(inArray(agreementDueChanges.agreementId, agreementIds))
    .orderBy(asc(agreementDueChanges.at));
  const progress = await tx
    .select({
      agreementId: agreementActions.agreementId,
      kind: agreementActions.kind,
      note: agreementActions.note,
      organisationName: agreementActions.authorOrganisationName,
      at: agreementActions.createdAt,
    })
    .from(agreementActions)
    .where(inArray(agreementActions.agreementId, agreementIds))
    .orderBy(asc(agreementActions.createdAt));
  return { caseRows, events, partners, agreementRows, items, signalRows, dueChanges, progress, contacts };
}

/** The cases as entries of the export, oldest case first; every free-text field goes through `flag`. */
export async function caseEntries(tx: Tx, ids: string[], flag: Flagger): Promise<CaseEntry[]> {
  const { caseRows, events, partners, agreementRows, items, signalRows, dueChanges, progress, contacts } = await load(tx, ids);
  const maybe = (text: string | null) => (text === null || text === '' ? null : flag(text));
  const of = <T extends { caseId: string | null }>(rows: T[], caseId: string) => rows.filter((r) => r.caseId === caseId);

  return caseRows.map(({ referredByHouseOrganisation, referredByOrganisationName, ...c }) => ({
    ...c,
    referredBy: referredByHouseOrganisation ?? referredByOrganisationName ?? null,
    reason: flag(c.reason),
    goal: flag(c.goal),
    involvedPartners: maybe(c.involvedPartners),
    triageReason: maybe(c.triageReason),
    triagedAt: isoOrNull(c.triagedAt),
    pausedAt: isoOrNull(c.pausedAt),
    closureResult: maybe(c.closureResult),
    closedAt: isoOrNull(c.closedAt),
    retentionExtendedUntil: isoOrNull(c.retentionExtendedUntil),
    retentionExtensionReason: maybe(c.retentionExtensionReason),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    events: of(events, c.id).map((e) => ({
      kind: e.kind,
      at: iso(e.at),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: maybe(e.reason),
      data: (e.data as Record<string, unknown> | null) ?? null,
      by: { organisationName: e.organisationName, role: e.role },
    })),
    partners: of(partners, c.id).map((p) => ({
      organisationName: p.organisationName,
      reason: flag(p.reason),
      addedAt: iso(p.addedAt),
      endedAt: isoOrNull(p.endedAt),
      endReason: maybe(p.endReason),
    })),
    agreements: of(agreementRows, c.id).map((a) => ({
      id: a.id,
      description: flag(a.description),
      ownerOrganisationName: a.ownerOrganisationName,
      namedProfessional: a.ownerUserId !== null,
      status: a.status,
      dueDate: a.dueDate,
      originalDueDate: a.originalDueDate,
      dueDateMoves: a.dueDateMoves,
      blockedAt: isoOrNull(a.blockedAt),
      blockedReason: maybe(a.blockedReason),
      completedAt: isoOrNull(a.completedAt),
      completionNote: maybe(a.completionNote),
      createdAt: iso(a.createdAt),
      dueChanges: dueChanges
        .filter((d) => d.agreementId === a.id)
        .map((d) => ({ fromDate: d.fromDate, toDate: d.toDate, reason: flag(d.reason), at: iso(d.at) })),
      progress: progress
        .filter((p) => p.agreementId === a.id)
        .map((p) => ({ kind: p.kind, note: maybe(p.note), organisationName: p.organisationName, at: iso(p.at) })),
    })),
    agendaItems: of(items, c.id).map((i) => ({
      meetingTitle: flag(i.meetingTitle),
      meetingKind: i.meetingKind,
      meetingStatus: i.meetingStatus,
      meetingStartsAt: iso(i.meetingStartsAt),
      position: i.position,
      status: i.status,
      minutes: maybe(i.minutes),
      outcome: maybe(i.outcome),
    })),
    signals: of(signalRows, c.id).map((s) => ({
      rule: s.rule,
      status: s.status,
      level: s.level,
      since: iso(s.since),
      message: s.message,
      snoozedUntil: s.snoozedUntil,
      snoozeReason: maybe(s.snoozeReason),
      resolvedAt: isoOrNull(s.resolvedAt),
      resolutionNote: maybe(s.resolutionNote),
    })),
    contacts: of(contacts, c.id).map((k) => ({
      kind: k.kind,
      contactDate: k.contactDate,
      organisation: flag(k.organisation),
      note: flag(k.note),
      recordedAt: iso(k.recordedAt),
    })),
  }));
}
