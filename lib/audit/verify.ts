import { sql } from 'drizzle-orm';
import type { Db } from '@/db/types';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problems: string[];
}

/**
 * Recomputes the hash chain: a changed row breaks its own hash, a removed row breaks the link of the
 * next one (and the oldest row must start the chain), and removing the newest rows no longer matches the
 * head. Once the retention job has purged old rows (lib/retention/purge-audit-log.ts), the chain starts
 * at the newest anchor instead of 'genesis': the oldest remaining row must point to the hash of the last
 * purged one. Runs as the owner (not the app role).
 */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  const result = await db.execute(sql`
    with start as (
      select coalesce((select anchor_hash from audit_chain_anchors order by id desc limit 1), 'genesis') as hash
    ), chain as (
      select id, prev_hash, hash, audit_row_hash(prev_hash, a) as recomputed,
             coalesce(lag(hash) over (order by id), (select hash from start)) as previous
      from audit_log a
    )
    select id, (recomputed = hash) as intact, prev_hash = previous as linked
    from chain where recomputed <> hash or prev_hash <> previous
    order by id limit 20`);
  const broken = (result as unknown as { rows: { id: number; intact: boolean; linked: boolean }[] }).rows;
  const summary = await db.execute(sql`
    select (select count(*)::int from audit_log) as checked,
           (select max(id) from audit_log) as last_id,
           (select hash from audit_log order by id desc limit 1) as last_hash,
           h.last_id as head_id, h.last_hash as head_hash
    from (select 1) one left join audit_head h on true`);
  const head = (summary as unknown as {
    rows: { checked: number; last_id: number | null; last_hash: string | null; head_id: number | null; head_hash: string | null }[];
  }).rows[0]!;
  const problems = broken.map((row) =>
    row.intact ? `regel ${row.id}: de verwijzing naar de vorige regel klopt niet (regel verwijderd?)` : `regel ${row.id}: inhoud gewijzigd`,
  );
  if (head.head_id !== head.last_id || head.head_hash !== head.last_hash) {
    problems.push(`de laatste regel is ${head.last_id ?? 'geen'}, maar het log eindigde bij ${head.head_id ?? 'geen'} (regels verwijderd?)`);
  }
  return { ok: problems.length === 0, checked: head.checked, problems };
}
