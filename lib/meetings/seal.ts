import { createHash } from 'node:crypto';
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
import type { Executor, Tx } from '@/db/types';
import { isUniqueViolation } from '@/lib/admin/db-errors';
import { audit, type AuditSubject } from '@/lib/audit/record';
import { conflict } from '@/lib/errors';
import { startOfAmsterdamDay } from '@/lib/calendar/calendar-day';
import { OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';

/** The meeting as it stood at afronding: what everyone invited may read (no case content). */
export interface ReportHeader {
  meetingId: string;
  version: number;
  sealedAt: string;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  videoUrl: string | null;
  chairName: string | null;
  minuteTakerName: string | null;
  invitees: {
    organisationId: string;
    organisationName: string;
    attendance: string | null;
    informationReceivedAt: string | null;
    informationNote: string | null;
  }[];
  /** Each item with the SHA-256 of its content: the seal covers them, so one item can be checked (or removed
   *  under the retention term) without the others. */
  outline: { id: string; position: number; durationMinutes: number; status: string; sha256: string }[];
}

export interface ReportAgreement {
  id: string;
  description: string;
  ownerOrganisationId: string;
  ownerOrganisationName: string;
  dueDate: string;
  status: string;
  blockedAt: string | null;
  blockedReason: string | null;
  completedAt: string | null;
  lastProgressAt: string | null;
  statusReport: { note: string; authorName: string; at: string } | null;
}

/** One agenda item as it stood at afronding: only for readers who may see the item live. */
export interface ReportItem {
  id: string;
  position: number;
  status: string;
  caseId: string | null;
  caseNumber: string | null;
  topic: string | null;
  presenterName: string | null;
  minutes: string | null;
  outcome: string | null;
  agreements: ReportAgreement[];
}

/** JSON with object keys sorted at every depth: the same report always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

/** The SHA-256 of one item's content, listed in the header. */
export function itemHash(item: ReportItem): string {
  return sha256Of(canonicalJson(item));
}

/** The seal: SHA-256 (hex) of the header, which lists every item with its own hash. */
export function reportHash(header: ReportHeader): string {
  return sha256Of(canonicalJson(header));
}

/** What the retention job leaves of an item whose case's personal data was removed (lib/retention). */
export const REMOVED_ITEM_MARK = 'bewaartermijn';

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

export interface SealCheck {
  ok: boolean;
  version: number;
  sha256: string | null;
  problems: string[];
  /** Items whose content the retention job removed: sealed once, checked no more, not a problem. */
  removedUnderRetention?: number;
}

/**
 * Recomputes a version's hash from the stored report and compares it with the report row and with the
 * audit entry written at afronding (itself checked against its own chain hash). Runs as the owner, who
 * reads every item; a changed item, header or stored hash shows as a problem.
 */
export async function verifyMeetingSeal(db: Executor, meetingId: string, version: number): Promise<SealCheck> {
  const [report] = await db
    .select()
    .from(meetingReports)
    .where(and(eq(meetingReports.meetingId, meetingId), eq(meetingReports.version, version)));
  if (!report) return { ok: false, version, sha256: null, problems: [`versie ${version} bestaat niet`] };
  const items = await db
    .select({ agendaItemId: meetingReportItems.agendaItemId, content: meetingReportItems.content })
    .from(meetingReportItems)
    .where(eq(meetingReportItems.reportId, report.id));
  const header = report.header as ReportHeader;
  const recomputed = reportHash(header);
  const problems: string[] = [];
  if (recomputed !== report.sha256) problems.push('de kop van het verslag past niet meer bij zijn zegel (gewijzigd)');
  if (header.version !== version || header.meetingId !== meetingId) problems.push('de kop van het verslag hoort bij een ander overleg of een andere versie');
  let removed = 0;
  for (const listed of header.outline) {
    const row = items.find((i) => i.agendaItemId === listed.id);
    const content = row?.content as (ReportItem & { removed?: string }) | undefined;
    if (!content) problems.push(`agendapunt ${listed.position} ontbreekt in het verslag`);
    else if (content.removed === REMOVED_ITEM_MARK) removed++;
    else if (itemHash(content) !== listed.sha256) problems.push(`agendapunt ${listed.position} past niet meer bij zijn zegel (gewijzigd)`);
  }
  if (items.length > header.outline.length) problems.push('het verslag bevat agendapunten die niet verzegeld zijn');
  const [entry] = await queryRows<{ sha256: string | null; intact: boolean }>(
    db,
    sql`select a.details->>'sha256' as sha256, audit_row_hash(a.prev_hash, a) = a.hash as intact
        from audit_log a
        where a.entity = 'meeting-report' and a.entity_id = ${meetingId} and (a.details->>'version')::int = ${version}
        order by a.id limit 1`,
  );
  if (!entry) problems.push('het zegel ontbreekt in het verwerkingenlog');
  else {
    if (!entry.intact) problems.push('de regel met het zegel in het verwerkingenlog is gewijzigd');
    if (entry.sha256 !== recomputed) problems.push('het zegel in het verwerkingenlog past niet bij het verslag');
  }
  return { ok: problems.length === 0, version, sha256: report.sha256, problems, removedUnderRetention: removed };
}

/** Every sealed version of every meeting, for `npm run audit:verify`: the ones that no longer match. */
export async function verifyAllMeetingSeals(db: Executor): Promise<{ checked: number; broken: (SealCheck & { meetingId: string })[] }> {
  const sealed = await db.select({ meetingId: meetingReports.meetingId, version: meetingReports.version }).from(meetingReports);
  const broken: (SealCheck & { meetingId: string })[] = [];
  for (const { meetingId, version } of sealed) {
    const check = await verifyMeetingSeal(db, meetingId, version);
    if (!check.ok) broken.push({ ...check, meetingId });
  }
  return { checked: sealed.length, broken };
}
