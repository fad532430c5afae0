import { and, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { cases } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { audit, type AuditSubject } from '@/lib/audit/record';
import { purgeAuditLog } from './purge-audit-log';
import { addCounts, EMPTY_COUNTS, removePersonalData, type RemovedCounts } from './remove-personal-data';
import { withRunLock } from './run-lock';
import { loadRetentionSettings, type RetentionSettings } from './settings';
import { isRetentionExpired, latestExpirableClosure, retentionCategory, retentionEndsAt, type RetentionCategory } from './term';
import { ENDED_CASE_STATUSES } from '@/lib/cases/statuses';

export const RETENTION_LOCK = 736300303;

/** The job acts for the house itself: its audit entries carry no user. */
const SYSTEM: AuditSubject = { userId: null, organisationId: null, role: null };

export interface PurgedCase {
  id: string;
  number: string;
  category: RetentionCategory;
  endedAt: Date;
  removed: RemovedCounts;
}

export interface RetentionRunResult {
  /** Another run held the lock: nothing was done. */
  skipped: boolean;
  dryRun: boolean;
  settings: RetentionSettings;
  cases: PurgedCase[];
  totals: RemovedCounts;
  auditEntriesPurged: number;
  ms: number;
}

/** Cases per transaction: short row locks and a short commit, and a kill mid-run loses at most one batch. */
export const RETENTION_BATCH = 1000;

/**
 * The retention job (`npm run purge`, and daily in the server): removes the personal data of every case
 * whose term has passed, in batches of cases, each batch in a transaction of its own and set-based (one
 * statement per kind of row for the whole batch), then purges audit entries older than their term. What
 * a batch removed is committed with its audit entries; a run that is stopped leaves the rest to the
 * next one. `now` is a parameter so the tests run it on a frozen clock. Idempotent: a second run finds
 * nothing and writes nothing. A dry run counts what would go, with the same statements, and changes nothing.
 */
export async function runRetention(db: Db, options: { now?: Date; dryRun?: boolean; batchSize?: number } = {}): Promise<RetentionRunResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? RETENTION_BATCH;
  const outcome = await withRunLock(db, RETENTION_LOCK, async () => {
    const settings = await loadRetentionSettings(db);
    const purged: PurgedCase[] = [];
    const expired = await expiredCases(db, settings, now);
    for (let at = 0; at < expired.length; at += batchSize) {
      const ids = expired.slice(at, at + batchSize).map((c) => c.id);
      purged.push(...(await db.transaction((tx) => purgeBatch(tx, ids, settings, now, dryRun))));
    }
    const auditLog = await purgeAuditLog(db, { now, years: settings.auditLogYears, dryRun });
    const totals = purged.reduce((sum, c) => addCounts(sum, c.removed), { ...EMPTY_COUNTS });
    if (!dryRun && (purged.length > 0 || auditLog.purged > 0)) {
      await db.transaction((tx) =>
        audit(tx, SYSTEM, {
          action: 'delete',
          entity: 'retention',
          details: { cases: purged.length, removed: totals, auditEntriesPurged: auditLog.purged, terms: settings },
        }),
      );
    }
    return { settings, cases: purged, totals, auditEntriesPurged: auditLog.purged };
  });
  if (!outcome.acquired) {
    return { skipped: true, dryRun, settings: await loadRetentionSettings(db), cases: [], totals: { ...EMPTY_COUNTS }, auditEntriesPurged: 0, ms: Date.now() - started };
  }
  return { skipped: false, dryRun, ...outcome.value, ms: Date.now() - started };
}

const caseFacts = {
  id: cases.id,
  number: cases.number,
  status: cases.status,
  closedAt: cases.closedAt,
  retentionExtendedUntil: cases.retentionExtendedUntil,
};

/**
 * Ended cases whose term has passed and whose data is still there, oldest closure first. The database
 * narrows by the shortest term (cases_retention_due_idx holds only ended cases not yet purged, so a daily
 * run reads what is left to do); the term itself is decided by term.ts, as on the case page.
 */
async function expiredCases(db: Db, settings: RetentionSettings, now: Date) {
  const rows = await db
    .select(caseFacts)
    .from(cases)
    .where(
      and(
        isNull(cases.personalDataRemovedAt),
        inArray(cases.status, [...ENDED_CASE_STATUSES]),
        isNotNull(cases.closedAt),
        lte(cases.closedAt, latestExpirableClosure(settings, now)),
      ),
    )
    .orderBy(cases.closedAt, cases.id);
  return rows.filter((row) => isRetentionExpired(row, settings, now));
}

/**
 * One batch, its case rows locked: the facts are read again under the lock, so an extension granted (or a
 * run finished) since the list was made is respected. One audit entry per case, with counts only, in
 * closure order, appended by one statement.
 */
async function purgeBatch(tx: Tx, ids: string[], settings: RetentionSettings, now: Date, dryRun: boolean): Promise<PurgedCase[]> {
  const query = tx
    .select({ ...caseFacts, personalDataRemovedAt: cases.personalDataRemovedAt })
    .from(cases)
    .where(inArray(cases.id, ids))
    .orderBy(cases.closedAt, cases.id);
  // A dry run only reads: it takes no lock.
  const rows = (dryRun ? await query : await query.for('update')).filter(
    (row) => !row.personalDataRemovedAt && isRetentionExpired(row, settings, now),
  );
  const removed = await removePersonalData(tx, rows, now, !dryRun);
  const done = rows.map((row) => ({
    row,
    category: retentionCategory(row.status)!,
    endedAt: retentionEndsAt(row, settings)!,
    removed: removed.get(row.id)!,
  }));
  if (!dryRun && done.length > 0) {
    const entries = done.map(({ row, category, endedAt, removed }) => ({
      id: row.id,
      number: row.number,
      details: {
        reason: 'retention',
        category,
        closedAt: row.closedAt!.toISOString(),
        retentionEndedAt: endedAt.toISOString(),
        extended: row.retentionExtendedUntil !== null,
        removed,
      },
    }));
    // audit_append, once per entry in the order given (the chain links each entry to the one before).
    await tx.execute(sql`select audit_append(null::uuid, null::uuid, null::user_role, 'delete'::audit_action, 'case', e.value->>'id',
        (e.value->>'id')::uuid, e.value->>'number', 'allowed', null, null, (e.value->'details')::jsonb)
      from json_array_elements(${JSON.stringify(entries)}::json) with ordinality as e(value, ord)
      order by e.ord`);
  }
  return done.map(({ row, category, endedAt, removed }) => ({ id: row.id, number: row.number, category, endedAt, removed }));
}
