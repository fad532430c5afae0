import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase as freshDatabase } from '@/db/testing';
import type { Db } from '@/db/types';
import { runSweep, type SweepResult } from './sweep';

// The one clock of this file.
const now = new Date('2026-11-23T07:00:00Z');

/**
 * Adds `cases` stagnating cases to the house, written set-based as a migration of history would: each
 * active for months, with two agreements long overdue and never progressed, so the first sweep opens about
 * seven signals per case (idle, and per agreement overdue, severely overdue, no progress) and escalates them.
 */
async function migrateHistory(db: Db, from: number, cases: number): Promise<void> {
  await db.execute(sql`
    with template as (select * from cases order by number limit 1),
    made as (
      insert into cases (number, status, target_group, municipality_code, subject_name, subject_birth_date, reason, goal,
                         criterion_multi_domain, criterion_multi_chain, criterion_household, criterion_local_safety,
                         referrer_user_id, referrer_organisation_id, triaged_at, created_at, updated_at)
      select 'SWEEP-' || lpad(i::text, 6, '0'), 'actief', t.target_group, t.municipality_code, t.subject_name, t.subject_birth_date,
             t.reason, t.goal, true, true, true, true, t.referrer_user_id, t.referrer_organisation_id,
             ${now}::timestamptz - interval '300 days', ${now}::timestamptz - interval '302 days', ${now}::timestamptz - interval '300 days'
      from template t cross join generate_series(${from + 1}::int, ${from + cases}::int) as i
      returning id, referrer_user_id
    )
    insert into agreements (case_id, description, owner_organisation_id, due_date, original_due_date, created_by_user_id, created_at, updated_at)
    select m.id, 'Huisbezoek afleggen', o.id, (${now}::timestamptz - interval '150 days')::date, (${now}::timestamptz - interval '150 days')::date,
           m.referrer_user_id, ${now}::timestamptz - interval '200 days', ${now}::timestamptz - interval '200 days'
    from made m cross join (select id from organisations where domain <> 'veiligheidshuis' order by name limit 2) o`);
  // As after a bulk load (scripts/scale/generate.ts): the planner knows the signals table is empty.
  await db.execute(sql`vacuum (analyze)`);
}

class Undo extends Error {}

/**
 * The first sweep, with every buffer it asked for (tables and indexes together, counted by the server
 * itself); `undo` rolls it back, so the house is as before.
 */
async function firstSweep(db: Db, undo: boolean): Promise<{ result: SweepResult; buffers: number }> {
  let measured: { result: SweepResult; buffers: number } | undefined;
  try {
    await db.transaction(async (tx) => {
      const fetched = async () =>
        (await queryRows<{ n: string }>(tx, sql`select sum(pg_stat_get_xact_blocks_fetched(oid))::text as n from pg_class`))[0]!.n;
      const before = Number(await fetched());
      const result = await runSweep(tx as unknown as Db, { now });
      measured = { result, buffers: Number(await fetched()) - before };
      if (undo) throw new Undo();
    });
  } catch (error) {
    if (!(error instanceof Undo)) throw error;
  }
  return measured!;
}

afterAll(() => closeDb());

describe('the first sweep over a migrated history', () => {
  it('opens twenty thousand signals at a cost that grows linearly with them', { timeout: 180_000 }, async () => {
    const { db } = await freshDatabase({ demo: true, now });
    await migrateHistory(db, 0, 1500);
    const small = await firstSweep(db, true);
    await migrateHistory(db, 1500, 1500);
    const large = await firstSweep(db, false);
    expect(large.result.opened).toBeGreaterThanOrEqual(20_000);
    expect(large.result.opened).toBe(large.result.detected);
    expect(large.result.escalated).toBeGreaterThanOrEqual(15_000);
    // Twice the signals: about twice the buffers. A plan that rescans the signals heap per new row
    // (the anti-join planned on an empty table) touches more than three times as many.
    expect(large.buffers / small.buffers, `buffers: ${small.buffers} for N, ${large.buffers} for 2N`).toBeLessThan(3);
  });
});
