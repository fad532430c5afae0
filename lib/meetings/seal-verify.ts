import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import { meetingReportItems, meetingReports } from '@/db/schema';
import type { Executor } from '@/db/types';
import { itemHash, REMOVED_ITEM_MARK, reportHash, type ReportHeader, type ReportItem } from './seal-format';

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
