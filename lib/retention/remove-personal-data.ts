import { and, isNull, sql, type SQL } from 'drizzle-orm';
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

export interface Target {
  id: string;
  number: string;
}

/**
 * One kind of text around a case: which rows still hold some (`where`), how a row finds its case
 * (`caseOf`, through `via` for rows that hang under an agreement or a signal), and what clears it
 * (`set`), or nothing to set for rows that are removed as a whole (in-app notifications and mail:
 * copies for delivery). Rows counted by the dashboard (cases, agreements, signals, partners) keep every
 * column it reads. Every row reaches its case by key, through an index, never by matching text.
 */
interface Scrub {
  key: Exclude<keyof RemovedCounts, 'subject'>;
  /** The table, aliased `t`. */
  table: SQL;
  via?: { table: SQL; on: SQL };
  caseOf: SQL;
  where: SQL;
  set?: SQL;
}

const underAgreement = { table: sql`agreements g`, on: sql`g.id = t.agreement_id` };

const SCRUBS: Scrub[] = [
  {
    key: 'partnerReasons',
    table: sql`case_partners t`,
    caseOf: sql`t.case_id`,
    where: sql`t.reason <> ${REMOVED} or t.end_reason is not null`,
    set: sql`reason = ${REMOVED}, end_reason = null`,
  },
  { key: 'eventReasons', table: sql`case_events t`, caseOf: sql`t.case_id`, where: sql`t.reason is not null`, set: sql`reason = null` },
  {
    key: 'agreements',
    table: sql`agreements t`,
    caseOf: sql`t.case_id`,
    where: sql`t.description <> ${REMOVED} or t.blocked_reason is not null or t.completion_note is not null`,
    // A new version: a form still open on the agreement cannot write the text back.
    set: sql`description = ${REMOVED}, blocked_reason = null, completion_note = null, version = t.version + 1`,
  },
  { key: 'progressNotes', table: sql`agreement_actions t`, via: underAgreement, caseOf: sql`g.case_id`, where: sql`t.note is not null`, set: sql`note = null` },
  {
    key: 'dueDateReasons',
    table: sql`agreement_due_changes t`,
    via: underAgreement,
    caseOf: sql`g.case_id`,
    where: sql`t.reason <> ${REMOVED}`,
    set: sql`reason = ${REMOVED}`,
  },
  {
    key: 'agendaItems',
    table: sql`agenda_items t`,
    caseOf: sql`t.case_id`,
    where: sql`t.minutes is not null or t.outcome is not null or t.topic is not null`,
    set: sql`minutes = null, outcome = null, topic = null, version = t.version + 1`,
  },
  {
    key: 'statusReports',
    table: sql`agreement_status_reports t`,
    via: underAgreement,
    caseOf: sql`g.case_id`,
    where: sql`t.note <> ${REMOVED}`,
    set: sql`note = ${REMOVED}`,
  },
  {
    key: 'sealedReportItems',
    table: sql`meeting_report_items t`,
    caseOf: sql`t.case_id`,
    where: sql`t.content->>'removed' is distinct from ${REMOVED_ITEM_MARK}`,
    set: sql`content = jsonb_build_object('id', t.agenda_item_id, 'removed', ${REMOVED_ITEM_MARK}::text)`,
  },
  {
    key: 'signalNotes',
    table: sql`signals t`,
    caseOf: sql`t.case_id`,
    where: sql`t.snooze_reason is not null or t.resolution_note is not null`,
    set: sql`snooze_reason = null, resolution_note = null`,
  },
  {
    key: 'escalationNotes',
    table: sql`signal_escalations t`,
    via: { table: sql`signals s`, on: sql`s.id = t.signal_id` },
    caseOf: sql`s.case_id`,
    where: sql`t.note is not null`,
    set: sql`note = null`,
  },
  // Linked to their case by key since drizzle/0040 (every writer sets case_id).
  { key: 'notifications', table: sql`notifications t`, caseOf: sql`t.case_id`, where: sql`true` },
  { key: 'mails', table: sql`mail_outbox t`, caseOf: sql`t.case_id`, where: sql`true` },
];

/** A uuid[] literal: one parameter, whatever the batch size, and `= any(...)` probes each table's case index. */
const idArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** The statement that counts, or changes and counts, one kind of row for every case of the batch: (case_id, n). */
function statementOf(scrub: Scrub, ids: SQL, apply: boolean): SQL {
  const inBatch = scrub.via
    ? sql`${scrub.via.on} and ${scrub.caseOf} = any(${ids}) and (${scrub.where})`
    : sql`${scrub.caseOf} = any(${ids}) and (${scrub.where})`;
  if (!apply) {
    const from = scrub.via ? sql`${scrub.table} join ${scrub.via.table} on ${scrub.via.on}` : scrub.table;
    return sql`select ${scrub.caseOf} as case_id, count(*)::int as n from ${from} where ${inBatch} group by 1`;
  }
  const change = scrub.set
    ? sql`update ${scrub.table} set ${scrub.set} ${scrub.via ? sql`from ${scrub.via.table}` : sql``} where ${inBatch} returning ${scrub.caseOf} as case_id`
    : sql`delete from ${scrub.table} ${scrub.via ? sql`using ${scrub.via.table}` : sql``} where ${inBatch} returning ${scrub.caseOf} as case_id`;
  return sql`with changed as (${change}) select case_id, count(*)::int as n from changed group by 1`;
}

/**
 * Counts what the cases still hold, and with `apply` removes it, in the caller's transaction (which has
 * locked the case rows): one statement per kind of row for the whole batch. The case rows are written
 * through Drizzle, which encrypts the subject columns.
 */
export async function removePersonalData(tx: Tx, targets: readonly Target[], now: Date, apply: boolean): Promise<Map<string, RemovedCounts>> {
  const counts = new Map(targets.map((t) => [t.id, { ...EMPTY_COUNTS }]));
  if (targets.length === 0) return counts;
  const ids = idArray(targets.map((t) => t.id));
  // Their meetings ended years ago: no live meeting is told, per row, of what goes (drizzle/0047).
  if (apply) await tx.execute(sql`select set_config('casusregie.live_events', 'off', true)`);
  for (const scrub of SCRUBS) {
    for (const row of await queryRows<{ case_id: string; n: number }>(tx, statementOf(scrub, ids, apply))) {
      const entry = counts.get(row.case_id);
      if (entry) entry[scrub.key] = row.n;
    }
  }
  if (!apply) {
    for (const entry of counts.values()) entry.subject = 1;
    return counts;
  }
  // The journal of contacts holds whom the regisseur spoke to and what about: it goes with the subject.
  await tx.execute(sql`delete from case_contacts where case_id = any(${ids})`);
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
    .where(and(sql`${cases.id} = any(${ids})`, isNull(cases.personalDataRemovedAt)))
    .returning({ id: cases.id });
  for (const row of changed) counts.get(row.id)!.subject = 1;
  return counts;
}

/** The same for one case. */
export async function removeCasePersonalData(tx: Tx, target: Target, now: Date, apply: boolean): Promise<RemovedCounts> {
  return (await removePersonalData(tx, [target], now, apply)).get(target.id)!;
}
