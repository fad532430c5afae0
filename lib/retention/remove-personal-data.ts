import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import { cases } from '@/db/schema';
import type { Tx } from '@/db/types';
import { REMOVED_ITEM_MARK } from '@/lib/meetings/seal-format';

/**
 * What the retention job writes where personal data was: a NOT NULL text column gets this placeholder,
 * a nullable one becomes null. The subject's name gets it too (and no search tokens), so lists keep
 * showing the case by its number without showing anyone.
 */
export const REMOVED = '[verwijderd na bewaartermijn]';

/** Rows (or fields) per kind that held personal data or free text of the case; audited as counts. */
export interface RemovedCounts {
  /** The case row: subject name, birth date, address, reason, goal, triage and closure text. */
  subject: number;
  partnerReasons: number;
  eventReasons: number;
  agreements: number;
  progressNotes: number;
  dueDateReasons: number;
  agendaItems: number;
  signalNotes: number;
  escalationNotes: number;
  notifications: number;
  mails: number;
  /** Statusronde answers on the case's agreements (drizzle/0030). */
  statusReports: number;
  /** Agenda items of the case in sealed meeting reports: the content goes, the seal's item hash stays. */
  sealedReportItems: number;
}

export const EMPTY_COUNTS: RemovedCounts = Object.freeze({
  subject: 0,
  partnerReasons: 0,
  eventReasons: 0,
  agreements: 0,
  progressNotes: 0,
  dueDateReasons: 0,
  agendaItems: 0,
  signalNotes: 0,
  escalationNotes: 0,
  notifications: 0,
  mails: 0,
  statusReports: 0,
  sealedReportItems: 0,
});

export function addCounts(a: RemovedCounts, b: RemovedCounts): RemovedCounts {
  return Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof RemovedCounts] + b[k as keyof RemovedCounts]])) as unknown as RemovedCounts;
}

interface Target {
  id: string;
  number: string;
}

/**
 * One kind of text around a case: which rows still hold some, and what clears it (`set`), or nothing
 * to set for rows that are removed as a whole (in-app notifications and mail: copies for delivery).
 * Rows counted by the dashboard (cases, agreements, signals, partners) keep every column it reads.
 */
interface Scrub {
  key: Exclude<keyof RemovedCounts, 'subject'>;
  table: SQL;
  where: SQL;
  set?: SQL;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function scrubsOf({ id, number }: Target): Scrub[] {
  const agreementIds = sql`(select id from agreements where case_id = ${id})`;
  const signalIds = sql`(select id from signals where case_id = ${id})`;
  // The case number as a word: ZVH-2026-0042 must not match ZVH-2026-00421.
  const numberPattern = `(^|[^0-9A-Za-z])${escapeRegex(number)}([^0-9]|$)`;
  return [
    {
      key: 'partnerReasons',
      table: sql`case_partners`,
      where: sql`case_id = ${id} and (reason <> ${REMOVED} or end_reason is not null)`,
      set: sql`reason = ${REMOVED}, end_reason = null`,
    },
    { key: 'eventReasons', table: sql`case_events`, where: sql`case_id = ${id} and reason is not null`, set: sql`reason = null` },
    {
      key: 'agreements',
      table: sql`agreements`,
      where: sql`case_id = ${id} and (description <> ${REMOVED} or blocked_reason is not null or completion_note is not null)`,
      // A new version: a form still open on the agreement cannot write the text back.
      set: sql`description = ${REMOVED}, blocked_reason = null, completion_note = null, version = version + 1`,
    },
    { key: 'progressNotes', table: sql`agreement_actions`, where: sql`agreement_id in ${agreementIds} and note is not null`, set: sql`note = null` },
    {
      key: 'dueDateReasons',
      table: sql`agreement_due_changes`,
      where: sql`agreement_id in ${agreementIds} and reason <> ${REMOVED}`,
      set: sql`reason = ${REMOVED}`,
    },
    {
      key: 'agendaItems',
      table: sql`agenda_items`,
      where: sql`case_id = ${id} and (minutes is not null or outcome is not null or topic is not null)`,
      set: sql`minutes = null, outcome = null, topic = null, version = version + 1`,
    },
    {
      key: 'statusReports',
      table: sql`agreement_status_reports`,
      where: sql`agreement_id in ${agreementIds} and note <> ${REMOVED}`,
      set: sql`note = ${REMOVED}`,
    },
    {
      key: 'sealedReportItems',
      table: sql`meeting_report_items`,
      where: sql`case_id = ${id} and content->>'removed' is distinct from ${REMOVED_ITEM_MARK}`,
      set: sql`content = jsonb_build_object('id', agenda_item_id, 'removed', ${REMOVED_ITEM_MARK}::text)`,
    },
    {
      key: 'signalNotes',
      table: sql`signals`,
      where: sql`case_id = ${id} and (snooze_reason is not null or resolution_note is not null)`,
      set: sql`snooze_reason = null, resolution_note = null`,
    },
    { key: 'escalationNotes', table: sql`signal_escalations`, where: sql`signal_id in ${signalIds} and note is not null`, set: sql`note = null` },
    {
      key: 'notifications',
      table: sql`notifications`,
      where: sql`(case_number = ${number} or position(${id} in coalesce(link, '')) > 0)`,
    },
    {
      key: 'mails',
      table: sql`mail_outbox`,
      where: sql`(subject ~ ${numberPattern} or body_text ~ ${numberPattern}
        or position(${id} in dedupe_key) > 0
        or exists (select 1 from agreements g where g.case_id = ${id} and position(g.id::text in mail_outbox.dedupe_key) > 0)
        or exists (select 1 from signals s where s.case_id = ${id} and position(s.id::text in mail_outbox.dedupe_key) > 0))`,
    },
  ];
}

async function countOf(tx: Tx, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, query);
  return row?.n ?? 0;
}

/**
 * Counts what the case still holds, and with `apply` removes it, in the caller's transaction (which has
 * locked the case row). The case row is written through Drizzle, which encrypts the subject columns.
 */
export async function removeCasePersonalData(tx: Tx, target: Target, now: Date, apply: boolean): Promise<RemovedCounts> {
  const counts: RemovedCounts = { ...EMPTY_COUNTS };
  for (const scrub of scrubsOf(target)) {
    counts[scrub.key] = apply
      ? await countOf(
          tx,
          scrub.set
            ? sql`with changed as (update ${scrub.table} set ${scrub.set} where ${scrub.where} returning 1) select count(*)::int as n from changed`
            : sql`with changed as (delete from ${scrub.table} where ${scrub.where} returning 1) select count(*)::int as n from changed`,
        )
      : await countOf(tx, sql`select count(*)::int as n from ${scrub.table} where ${scrub.where}`);
  }
  if (!apply) return { ...counts, subject: 1 };
  // The journal of contacts holds whom the regisseur spoke to and what about: it goes with the subject.
  await tx.execute(sql`delete from case_contacts where case_id = ${target.id}`);
  const changed = await tx
    .update(cases)
    .set({
      subjectName: REMOVED,
      subjectBirthDate: REMOVED,
      subjectAddress: null,
      subjectNameTokens: [],
      reason: REMOVED,
      goal: REMOVED,
      involvedPartners: null,
      triageReason: null,
      closureResult: null,
      retentionExtensionReason: null,
      referredByOrganisationName: null,
      referrerContactName: null,
      referrerContactDetails: null,
      personalDataRemovedAt: now,
      // updated_at stays: it is a fact the dashboard and the lists read, and nobody edited the case.
      version: sql`${cases.version} + 1`,
    })
    .where(and(eq(cases.id, target.id), isNull(cases.personalDataRemovedAt)))
    .returning({ id: cases.id });
  return { ...counts, subject: changed.length };
}
