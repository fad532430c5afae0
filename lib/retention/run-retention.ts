import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { cases } from '@/db/schema';
import type { Db, Tx } from '@/db/types';
import { audit, type AuditSubject } from '@/lib/audit/record';
import { purgeAuditLog } from './purge-audit-log';
import { addCounts, EMPTY_COUNTS, removeCasePersonalData, type RemovedCounts } from './remove-personal-data';
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

/**
 * The retention job (`npm run purge`, and daily in the server): removes the personal data of every case
 * whose term has passed, each case in a transaction of its own (short row locks, and a failure costs one
 * case, not the run), then purges audit entries older than their term. `now` is a parameter so the
 * tests run it on a frozen clock. Idempotent: a second run finds nothing and writes nothing. A dry run
 * counts what would go and changes nothing.
 */
export async function runRetention(db: Db, options: { now?: Date; dryRun?: boolean } = {}): Promise<RetentionRunResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const outcome = await withRunLock(db, RETENTION_LOCK, async () => {
    const settings = await loadRetentionSettings(db);
    const purged: PurgedCase[] = [];
    for (const candidate of await expiredCases(db, settings, now)) {
      const done = await db.transaction((tx) => purgeCase(tx, candidate.id, settings, now, dryRun));
      if (done) purged.push(done);
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

/** Ended cases whose term has passed and whose data is still there, oldest closure first. */
async function expiredCases(db: Db, settings: RetentionSettings, now: Date) {
  const rows = await db
    .select({ id: cases.id, status: cases.status, closedAt: cases.closedAt, retentionExtendedUntil: cases.retentionExtendedUntil })
    .from(cases)
    .where(
      and(
        isNull(cases.personalDataRemovedAt),
        inArray(cases.status, [...ENDED_CASE_STATUSES]),
        isNotNull(cases.closedAt),
        lte(cases.closedAt, latestExpirableClosure(settings, now)),
      ),
    )
    .orderBy(cases.closedAt);
  return rows.filter((row) => isRetentionExpired(row, settings, now));
}

/**
 * One case, its row locked: the facts are read again under the lock, so an extension granted (or a run
 * finished) since the list was made is respected. Audited with counts only.
 */
async function purgeCase(tx: Tx, id: string, settings: RetentionSettings, now: Date, dryRun: boolean): Promise<PurgedCase | null> {
  const query = tx
    .select({
      id: cases.id,
      number: cases.number,
      status: cases.status,
      closedAt: cases.closedAt,
      retentionExtendedUntil: cases.retentionExtendedUntil,
      personalDataRemovedAt: cases.personalDataRemovedAt,
    })
    .from(cases)
    .where(eq(cases.id, id));
  // A dry run only reads: it takes no lock.
  const [row] = dryRun ? await query : await query.for('update');
  if (!row || row.personalDataRemovedAt || !isRetentionExpired(row, settings, now)) return null;
  const category = retentionCategory(row.status)!;
  const endedAt = retentionEndsAt(row, settings)!;
  const removed = await removeCasePersonalData(tx, row, now, !dryRun);
  if (!dryRun) {
    await audit(tx, SYSTEM, {
      action: 'delete',
      entity: 'case',
      entityId: row.id,
      caseId: row.id,
      caseNumber: row.number,
      details: {
        reason: 'retention',
        category,
        closedAt: row.closedAt!.toISOString(),
        retentionEndedAt: endedAt.toISOString(),
        extended: row.retentionExtendedUntil !== null,
        removed,
      },
    });
  }
  return { id: row.id, number: row.number, category, endedAt, removed };
}
