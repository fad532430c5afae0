/**
 * The case list's count for those who see every case comes from the case-status rollup (drizzle/0037),
 * not from the cases: it must still be the number of cases the filter matches, for every filter on
 * status, target group and municipality, for the regisseur and the manager, and right after a write.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { onStatement } from '@/db/statement-log';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { signInAs } from '@/lib/testing/actors';
import { listCases } from './list-cases';
import type { CaseListQuery } from './schemas';
import { transitionCase } from './transition-case';

const NOW = new Date('2026-03-04T10:00:00+01:00');
let handle: DbHandle;
let regisseur: Actor;
let manager: Actor;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  regisseur = await signInAs('regisseur@example.org');
  manager = await signInAs('manager@example.org');
}, 120_000);

afterAll(closeDb);

/** What the cases themselves say, counted as the owner. */
async function counted(query: CaseListQuery): Promise<number> {
  const where = [sql`true`];
  if (query.status) where.push(sql`status = ${query.status}`);
  if (query.targetGroup) where.push(sql`target_group = ${query.targetGroup}`);
  if (query.municipality) where.push(sql`municipality_code = ${query.municipality}`);
  const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from cases where ${sql.join(where, sql` and `)}`);
  return row!.n;
}

/** Every combination of the values the demo holds, with the filter left out too. */
async function filterCombinations(): Promise<CaseListQuery[]> {
  const values = await queryRows<{ status: string; target_group: string; municipality_code: string }>(
    handle.db,
    sql`select distinct status, target_group, municipality_code from cases`,
  );
  const pick = <K extends keyof (typeof values)[number]>(key: K) => [undefined, ...new Set(values.map((v) => v[key]))];
  const queries: CaseListQuery[] = [];
  for (const status of pick('status'))
    for (const targetGroup of pick('target_group'))
      for (const municipality of pick('municipality_code'))
        queries.push({ status, targetGroup, municipality, pageSize: 1 } as CaseListQuery);
  return queries;
}

describe('the case list counted from the rollup', () => {
  it('matches the cases for every filter on status, target group and municipality, regisseur and manager alike', async () => {
    const queries = await filterCombinations();
    expect(queries.length).toBeGreaterThan(20);
    let nonEmpty = 0;
    for (const query of queries) {
      const expected = await counted(query);
      if (expected > 1) nonEmpty += 1;
      // Pages of one: every filter that matches more than one case asks the rollup for its count.
      for (const actor of [regisseur, manager]) expect((await listCases(actor, query)).total, JSON.stringify(query)).toBe(expected);
    }
    expect(nonEmpty).toBeGreaterThan(3);
    // And it is the rollup that answered, not a count over the cases.
    const sent: string[] = [];
    const stop = onStatement((text) => sent.push(text));
    try {
      await listCases(regisseur, { pageSize: 1 });
    } finally {
      stop();
    }
    expect(sent.filter((text) => /dashboard_case_status/.test(text))).toHaveLength(1);
    expect(sent.filter((text) => /count\(\*\)/i.test(text))).toHaveLength(0);
  });

  it('counts a search in the statement that finds it: one search, not a second one to count', async () => {
    const [first] = await queryRows<{ number: string }>(handle.db, sql`select number from cases order by number limit 1`);
    const term = first!.number.slice(0, 4);
    const [expected] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from cases where number ilike ${`%${term}%`}`);
    expect(expected!.n).toBeGreaterThan(2);
    const sent: string[] = [];
    const stop = onStatement((text) => sent.push(text));
    let result: Awaited<ReturnType<typeof listCases>>;
    try {
      result = await listCases(regisseur, { q: term, pageSize: 1 });
    } finally {
      stop();
    }
    expect(result.items).toHaveLength(1);
    expect(result.total).toBe(expected!.n);
    expect(sent.filter((text) => /app_search_cases/.test(text))).toHaveLength(1);
    // A page by cursor sees only what follows the cursor: it counts the whole list on its own.
    const next = await listCases(regisseur, { q: term, pageSize: 1, cursor: result.nextCursor! });
    expect(next.total).toBe(expected!.n);
  });

  it('counts a status change at once: the rollup moves in the transaction of the write', async () => {
    const query: CaseListQuery = { status: 'actief', pageSize: 1 };
    const before = (await listCases(regisseur, query)).total;
    expect(before).toBeGreaterThan(1);
    const [active] = await queryRows<{ id: string; version: number }>(handle.db, sql`select id, version from cases where status = 'actief' and paused_at is null order by number limit 1`);
    await transitionCase(regisseur, active!.id, { action: 'to_monitoring', reason: 'Stabiel.', version: active!.version });
    expect((await listCases(regisseur, query)).total).toBe(before - 1);
    expect((await listCases(regisseur, { status: 'monitoring', pageSize: 1 })).total).toBe(await counted({ status: 'monitoring' }));
  });
});
