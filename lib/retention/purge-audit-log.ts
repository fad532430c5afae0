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
 * The id of the first entry still within the term, or of the newest entry: everything below it may go.
 * Always a prefix of the chain (a clock that once stepped back cannot punch a hole in it), and never the
 * newest entry, which the chain head points to. Found once per run by walking the primary key from the
 * oldest entry, so it reads about as many index entries as there are to purge, however long the log.
 */
async function keepFrom(db: Executor, cutoff: Date): Promise<number | null> {
  const [row] = await queryRows<{ id: number | null }>(
    db,
    sql`select coalesce((select id from audit_log where at >= ${cutoff} order by id limit 1),
                        (select max(id) from audit_log)) as id`,
  );
  return row?.id ?? null;
}

/**
 * Removes audit entries older than the term, as the owner of the table (the app role can never delete
 * them). Each batch commits with an anchor: the hash of its last removed entry, which the oldest
 * remaining entry points to, so verifyAuditChain keeps checking the rest of the chain from there.
 * Batches walk up the primary key from where the previous one ended, so none rereads what went before.
 */
export async function purgeAuditLog(db: Db, options: { now: Date; years: number; dryRun?: boolean; batchSize?: number }): Promise<AuditPurgeResult> {
  const cutoff = addYearsUtc(options.now, -options.years);
  const boundary = await keepFrom(db, cutoff);
  if (boundary == null) return { purged: 0, anchors: 0 };
  if (options.dryRun) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where id < ${boundary}`);
    return { purged: row?.n ?? 0, anchors: 0 };
  }
  const batch = options.batchSize ?? BATCH;
  const result: AuditPurgeResult = { purged: 0, anchors: 0 };
  let after = 0;
  for (;;) {
    const through = await db.transaction((tx) => purgeBatch(tx, { after, before: boundary, batch, now: options.now }));
    if (through === null) return result;
    result.purged += through.removed;
    result.anchors += 1;
    after = through.id;
  }
}

async function purgeBatch(
  tx: Executor,
  range: { after: number; before: number; batch: number; now: Date },
): Promise<{ id: number; removed: number } | null> {
  const [edge] = await queryRows<{ through: number | null }>(
    tx,
    sql`select max(id) as through from (select id from audit_log where id > ${range.after} and id < ${range.before}
         order by id limit ${range.batch}) b`,
  );
  if (edge?.through == null) return null;
  const through = edge.through;
  const [last] = await queryRows<{ hash: string }>(tx, sql`select hash from audit_log where id = ${through}`);
  const [deleted] = await queryRows<{ n: number }>(
    tx,
    sql`with gone as (delete from audit_log where id > ${range.after} and id <= ${through} returning 1) select count(*)::int as n from gone`,
  );
  await tx.execute(sql`insert into audit_chain_anchors (purged_through_id, anchor_hash, purged_count, purged_at)
    values (${through}, ${last!.hash}, ${deleted!.n}, ${range.now})`);
  return { id: through, removed: deleted!.n };
}
