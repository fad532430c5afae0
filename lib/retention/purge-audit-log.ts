import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Db, Executor } from '@/db/types';
import { addYearsUtc } from './term';

export interface AuditPurgeResult {
  /** Audit entries removed (or, in a dry run, that would be). */
  purged: number;
  /** Chain anchors written: one per batch. */
  anchors: number;
}

const BATCH = 5000;

/**
 * The entries the term allows to go: the oldest ones, up to the first entry that is still within the
 * term. Always a prefix of the chain (a clock that once stepped back cannot punch a hole in it), and
 * never the newest entry, which the chain head points to.
 */
const purgeable = (cutoff: Date) => sql`(select id from audit_log where id < coalesce(
  (select min(id) from audit_log where at >= ${cutoff}), (select max(id) from audit_log)))`;

/**
 * Removes audit entries older than the term, as the owner of the table (the app role can never delete
 * them). Each batch commits with an anchor: the hash of its last removed entry, which the oldest
 * remaining entry points to, so verifyAuditChain keeps checking the rest of the chain from there.
 */
export async function purgeAuditLog(db: Db, options: { now: Date; years: number; dryRun?: boolean; batchSize?: number }): Promise<AuditPurgeResult> {
  const cutoff = addYearsUtc(options.now, -options.years);
  if (options.dryRun) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${purgeable(cutoff)} p`);
    return { purged: row?.n ?? 0, anchors: 0 };
  }
  const batch = options.batchSize ?? BATCH;
  const result: AuditPurgeResult = { purged: 0, anchors: 0 };
  for (;;) {
    const removed = await db.transaction((tx) => purgeBatch(tx, cutoff, batch, options.now));
    if (removed === 0) return result;
    result.purged += removed;
    result.anchors += 1;
  }
}

async function purgeBatch(tx: Executor, cutoff: Date, batch: number, now: Date): Promise<number> {
  const [edge] = await queryRows<{ through: number | null }>(
    tx,
    sql`select max(id)::int as through from (select id from ${purgeable(cutoff)} p order by id limit ${batch}) b`,
  );
  if (edge?.through == null) return 0;
  const [last] = await queryRows<{ hash: string }>(tx, sql`select hash from audit_log where id = ${edge.through}`);
  const [deleted] = await queryRows<{ n: number }>(
    tx,
    sql`with gone as (delete from audit_log where id <= ${edge.through} returning 1) select count(*)::int as n from gone`,
  );
  await tx.execute(sql`insert into audit_chain_anchors (purged_through_id, anchor_hash, purged_count, purged_at)
    values (${edge.through}, ${last!.hash}, ${deleted!.n}, ${now})`);
  return deleted!.n;
}
