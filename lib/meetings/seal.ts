import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows } from '@/db/query';
import {
  agendaItems,
  agreements,
  cases,
  meetingInvitees,
  meetingReportItems,
  meetingReports,
  organisations,
  users,
  type Meeting,
} from '@/db/schema';
import type { Tx } from '@/db/types';
import { isUniqueViolation } from '@/lib/admin/db-errors';
import { audit, type AuditSubject } from '@/lib/audit/record';
import { conflict } from '@/lib/errors';
import { startOfAmsterdamDay } from '@/lib/calendar/calendar-day';
import { OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import { itemHash, reportHash, type ReportHeader, type ReportItem } from './seal-format';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const presenter = alias(users, 'report_presenter');

async function buildItems(tx: Tx, meeting: Meeting): Promise<ReportItem[]> {
  const items = await tx
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      status: agendaItems.status,
      caseId: agendaItems.caseId,
      caseNumber: cases.number,
      topic: agendaItems.topic,
      presenterName: presenter.name,
      minutes: agendaItems.minutes,
      outcome: agendaItems.outcome,
    })
    .from(agendaItems)
    .leftJoin(cases, eq(cases.id, agendaItems.caseId))
    .leftJoin(presenter, eq(presenter.id, agendaItems.presenterUserId))
    .where(eq(agendaItems.meetingId, meeting.id))
    .orderBy(asc(agendaItems.position));
  const caseIds = items.map((i) => i.caseId).filter((v): v is string => Boolean(v));
  // The afsprakencheck as it stood: open agreements, those made in the item, and those settled that day.
  const since = startOfAmsterdamDay(meeting.startsAt);
  const rows = caseIds.length
    ? await tx
        .select({
          id: agreements.id,
          caseId: agreements.caseId,
          agendaItemId: agreements.agendaItemId,
          description: agreements.description,
          ownerOrganisationId: agreements.ownerOrganisationId,
          ownerOrganisationName: organisations.name,
          dueDate: agreements.dueDate,
          status: agreements.status,
          blockedAt: agreements.blockedAt,
          blockedReason: agreements.blockedReason,
          completedAt: agreements.completedAt,
          lastProgressAt: agreements.lastProgressAt,
        })
        .from(agreements)
        .innerJoin(organisations, eq(organisations.id, agreements.ownerOrganisationId))
        .where(
          and(
            inArray(agreements.caseId, caseIds),
            or(
              inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]),
              inArray(
                agreements.agendaItemId,
                items.map((i) => i.id),
              ),
              sql`${agreements.updatedAt} >= ${since}`,
            ),
          ),
        )
        .orderBy(asc(agreements.dueDate), asc(agreements.id))
    : [];
  const reports = rows.length
    ? await queryRows<{ agreement_id: string; note: string; author_name: string; created_at: string | Date }>(
        tx,
        sql`select distinct on (agreement_id) agreement_id, note, author_name, created_at from agreement_status_reports
            where meeting_id = ${meeting.id} order by agreement_id, created_at desc`,
      )
    : [];
  return items.map((item) => ({
    ...item,
    agreements: rows
      .filter((a) => a.caseId === item.caseId)
      .map((a) => {
        const report = reports.find((r) => r.agreement_id === a.id);
        return {
          id: a.id,
          description: a.description,
          ownerOrganisationId: a.ownerOrganisationId,
          ownerOrganisationName: a.ownerOrganisationName,
          dueDate: a.dueDate,
          status: a.status,
          blockedReason: a.blockedReason,
          blockedAt: iso(a.blockedAt),
          completedAt: iso(a.completedAt),
          lastProgressAt: iso(a.lastProgressAt),
          statusReport: report ? { note: report.note, authorName: report.author_name, at: new Date(report.created_at).toISOString() } : null,
        };
      }),
  }));
}

async function buildHeader(tx: Tx, meeting: Meeting, version: number, sealedAt: Date, items: ReportItem[]): Promise<ReportHeader> {
  const invitees = await tx
    .select({
      organisationId: meetingInvitees.organisationId,
      organisationName: organisations.name,
      attendance: meetingInvitees.attendance,
      informationReceivedAt: meetingInvitees.informationReceivedAt,
      informationNote: meetingInvitees.informationNote,
    })
    .from(meetingInvitees)
    .innerJoin(organisations, eq(organisations.id, meetingInvitees.organisationId))
    .where(eq(meetingInvitees.meetingId, meeting.id))
    .orderBy(asc(organisations.name), asc(meetingInvitees.organisationId));
  const durations = await tx
    .select({ id: agendaItems.id, durationMinutes: agendaItems.durationMinutes })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id));
  return {
    meetingId: meeting.id,
    version,
    sealedAt: sealedAt.toISOString(),
    title: meeting.title,
    kind: meeting.kind,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location,
    videoUrl: meeting.videoUrl,
    chairName: meeting.chairName,
    minuteTakerName: meeting.minuteTakerName,
    invitees: invitees.map((i) => ({ ...i, informationReceivedAt: iso(i.informationReceivedAt) })),
    outline: items.map((i) => ({
      id: i.id,
      position: i.position,
      durationMinutes: durations.find((d) => d.id === i.id)?.durationMinutes ?? 0,
      status: i.status,
      sha256: itemHash(i),
    })),
  };
}

/**
 * At afronding, in the finishing transaction (as the regisseur, who sees every item): freeze the report
 * as the next version and put its SHA-256 into the audit chain. A second afronding racing this one
 * meets the unique version and answers 409.
 */
export async function sealMeetingReport(tx: Tx, who: AuditSubject & { userId: string }, meeting: Meeting, now: Date) {
  const [last] = await tx
    .select({ version: meetingReports.version })
    .from(meetingReports)
    .where(eq(meetingReports.meetingId, meeting.id))
    .orderBy(desc(meetingReports.version))
    .limit(1);
  const version = (last?.version ?? 0) + 1;
  const items = await buildItems(tx, meeting);
  const header = await buildHeader(tx, meeting, version, now, items);
  const sha256 = reportHash(header);
  let reportId: string;
  try {
    const [row] = await tx
      .insert(meetingReports)
      .values({ meetingId: meeting.id, version, header, sha256, sealedAt: now, sealedByUserId: who.userId })
      .returning({ id: meetingReports.id });
    reportId = row!.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
  if (items.length) {
    await tx.insert(meetingReportItems).values(
      items.map((item) => ({ reportId, meetingId: meeting.id, agendaItemId: item.id, position: item.position, caseId: item.caseId, content: item })),
    );
  }
  await audit(tx, who, { action: 'create', entity: 'meeting-report', entityId: meeting.id, details: { version, sha256 } });
  return { version, sha256, sealedAt: now };
}

/** Reopening by the chair: the sealed version stays as it was, marked reopened with the reason. */
export async function markReportReopened(tx: Tx, userId: string, meetingId: string, reason: string, now: Date) {
  await tx
    .update(meetingReports)
    .set({ reopenedAt: now, reopenedByUserId: userId, reopenReason: reason })
    .where(and(eq(meetingReports.meetingId, meetingId), isNull(meetingReports.reopenedAt)));
}
