import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { agreementActions, agreements, cases, meetingReportItems, meetingReports } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, msg } from '@/lib/errors';
import { withMeeting } from './access';
import { REMOVED_ITEM_MARK, type ReportHeader, type ReportItem } from './seal-format';

export interface LaterProgress {
  status: string | null;
  dueDate: string | null;
  entries: number;
  lastEntryAt: Date | null;
}

type OutlineEntry = Omit<ReportHeader['outline'][number], 'sha256'>;
export type SealedEntry = OutlineEntry &
  (
    | { visible: false; removed?: true }
    | { visible: true; item: ReportItem; subjectName: string | null; later: Record<string, LaterProgress> }
  );

export interface SealedReport {
  version: number;
  latestVersion: number;
  sha256: string;
  sealedAt: Date;
  reopenedAt: Date | null;
  reopenReason: string | null;
  header: ReportHeader;
  entries: SealedEntry[];
  versions: { version: number; sealedAt: Date; sha256: string; reopenedAt: Date | null; reopenReason: string | null }[];
}

/**
 * A sealed version of a finished meeting's report, read as the viewer: row-level security returns only
 * the items the viewer may see live (meeting_report_items mirrors agenda_items), the rest are "besloten".
 * Next to each agreement, what changed since the seal ("sindsdien"), read just as live.
 * Without a version: the latest. Null when the meeting was never sealed.
 */
export async function getSealedReport(actor: Actor, meetingId: unknown, version?: number): Promise<SealedReport | null> {
  return withMeeting(actor, meetingId, 'read', async (tx, meeting) => {
    const versions = await tx
      .select({
        id: meetingReports.id,
        version: meetingReports.version,
        sealedAt: meetingReports.sealedAt,
        sha256: meetingReports.sha256,
        reopenedAt: meetingReports.reopenedAt,
        reopenReason: meetingReports.reopenReason,
        header: meetingReports.header,
      })
      .from(meetingReports)
      .where(eq(meetingReports.meetingId, meeting.id))
      .orderBy(desc(meetingReports.version));
    if (versions.length === 0) return null;
    const report = version === undefined ? versions[0] : versions.find((v) => v.version === version);
    if (!report) throw new AppError('NOT_FOUND', msg('meetings.reportVersionMissing', { version: String(version) }));
    const header = report.header as ReportHeader;
    const rows = await tx
      .select({ agendaItemId: meetingReportItems.agendaItemId, content: meetingReportItems.content })
      .from(meetingReportItems)
      .where(eq(meetingReportItems.reportId, report.id));
    // An item whose case passed its retention term keeps only a mark (lib/retention/remove-personal-data.ts).
    const removed = new Set(rows.filter((r) => (r.content as { removed?: string }).removed === REMOVED_ITEM_MARK).map((r) => r.agendaItemId));
    const items = new Map(rows.filter((r) => !removed.has(r.agendaItemId)).map((r) => [r.agendaItemId, r.content as ReportItem]));
    const caseIds = [...items.values()].map((i) => i.caseId).filter((v): v is string => Boolean(v));
    // The name is not in the report (it is encrypted at rest); read as live, under the same access rules.
    const names = caseIds.length
      ? await tx.select({ id: cases.id, name: cases.subjectName }).from(cases).where(inArray(cases.id, caseIds))
      : [];
    const agreementIds = [...items.values()].flatMap((i) => i.agreements.map((a) => a.id));
    const now = agreementIds.length
      ? await tx
          .select({ id: agreements.id, status: agreements.status, dueDate: agreements.dueDate })
          .from(agreements)
          .where(inArray(agreements.id, agreementIds))
      : [];
    const entriesSince = agreementIds.length
      ? await tx
          .select({ agreementId: agreementActions.agreementId, n: sql<number>`count(*)::int`, last: sql<string>`max(${agreementActions.createdAt})` })
          .from(agreementActions)
          .where(and(inArray(agreementActions.agreementId, agreementIds), gt(agreementActions.createdAt, report.sealedAt)))
          .groupBy(agreementActions.agreementId)
      : [];
    const entries: SealedEntry[] = header.outline.map(({ id, position, durationMinutes, status }) => {
      const o = { id, position, durationMinutes, status };
      if (removed.has(id)) return { ...o, visible: false, removed: true };
      const item = items.get(id);
      if (!item) return { ...o, visible: false };
      const later: Record<string, LaterProgress> = {};
      for (const a of item.agreements) {
        const current = now.find((c) => c.id === a.id);
        const since = entriesSince.find((e) => e.agreementId === a.id);
        const status = current && current.status !== a.status ? current.status : null;
        const dueDate = current && current.dueDate !== a.dueDate ? current.dueDate : null;
        if (status || dueDate || since) later[a.id] = { status, dueDate, entries: since?.n ?? 0, lastEntryAt: since ? new Date(since.last) : null };
      }
      return { ...o, visible: true, item, subjectName: names.find((n) => n.id === item.caseId)?.name ?? null, later };
    });
    await audit(tx, subjectOf(actor), {
      action: 'view',
      entity: 'meeting-report',
      entityId: meeting.id,
      details: { version: report.version, caseItems: entries.filter((e) => e.visible && e.item.caseId).length },
    });
    return {
      version: report.version,
      latestVersion: versions[0]!.version,
      sha256: report.sha256,
      sealedAt: report.sealedAt,
      reopenedAt: report.reopenedAt,
      reopenReason: report.reopenReason,
      header,
      entries,
      versions: versions.map((v) => ({
        version: v.version,
        sealedAt: v.sealedAt,
        sha256: v.sha256,
        reopenedAt: v.reopenedAt,
        reopenReason: v.reopenReason,
      })),
    };
  });
}

/** The sealed versions of a meeting, newest first, without their content (for a reopened meeting). */
export async function sealedVersions(actor: Actor, meetingId: unknown) {
  return withMeeting(actor, meetingId, 'read', (tx, meeting) =>
    tx
      .select({
        version: meetingReports.version,
        sealedAt: meetingReports.sealedAt,
        sha256: meetingReports.sha256,
        reopenedAt: meetingReports.reopenedAt,
        reopenReason: meetingReports.reopenReason,
      })
      .from(meetingReports)
      .where(eq(meetingReports.meetingId, meeting.id))
      .orderBy(desc(meetingReports.version)),
  );
}
