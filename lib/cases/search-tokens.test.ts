import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { asUser } from '@/db/transaction';
import type { DbHandle } from '@/db/types';
import { generateHouse } from '@/lib/dashboard/generated-house';
import { seedTestHouse, type TestHouse } from '@/lib/dashboard/test-house';

/*
 * case_search_tokens (drizzle/0052) is what a search of one word reads instead of the cases: it must hold
 * exactly a row per token of every case, with the case's current columns, after every kind of write to
 * cases, and a search must find through it exactly the cases the GIN index finds.
 */

let handle: DbHandle;
let house: TestHouse;

const EXPECTED = sql`select distinct k.token, c.id, c.number, c.status, c.target_group, c.municipality_code, c.regisseur_user_id,
    c.referrer_user_id, c.created_at, c.updated_at
  from cases c cross join lateral unnest(c.subject_name_tokens) k(token)`;
const HELD = sql`select token, case_id, number, status, target_group, municipality_code, regisseur_user_id, referrer_user_id,
    created_at, updated_at from case_search_tokens`;

async function count(query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from (${query}) q`);
  return row!.n;
}

async function expectInStep() {
  expect(await count(sql`(${HELD}) except all (${EXPECTED})`)).toBe(0);
  expect(await count(sql`(${EXPECTED}) except all (${HELD})`)).toBe(0);
}

/** The ids one word finds through the search function, as this user. */
async function found(userId: string, word: string): Promise<string[]> {
  const rows = await asUser(userId, (tx) =>
    queryRows<{ id: string }>(tx, sql`select id from app_search_cases(${`%${word}%`}, array[${word}]::text[]) order by id`),
  );
  return rows.map((r) => r.id);
}

/** The same through the GIN index and the visibility rule of 0048, as the owner. */
async function foundByGin(word: string, professional?: { userId: string; organisationId: string }): Promise<string[]> {
  const visible = professional
    ? sql`and (c.referrer_user_id = ${professional.userId} or exists (select 1 from case_partners p
        where p.case_id = c.id and p.organisation_id = ${professional.organisationId} and p.ended_at is null))`
    : sql``;
  const rows = await queryRows<{ id: string }>(
    handle.db,
    sql`select c.id from cases c where (c.number ilike ${`%${word}%`} or c.subject_name_tokens @> array[${word}]::text[]) ${visible} order by id`,
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  handle = await useFreshDatabase();
  house = await seedTestHouse(handle.db);
  await generateHouse(handle.db, house, 120);
  // Three words spread over the cases, one of them in every third case's name.
  await handle.db.execute(sql`update cases set subject_name_tokens = case
    when number like '%0' then array['kuipers', 'jan'] when number like '%1' then array['kuipers'] else array['jansen', 'piet'] end`);
}, 120_000);
afterAll(() => closeDb());

describe('the search tokens of cases', () => {
  it('hold a row per token of every case after a load and a rename of every case', async () => {
    expect(await count(HELD)).toBeGreaterThan(200);
    await expectInStep();
  });

  it('follow a case’s status, regisseur, place and time, a name blanked by retention, and a deleted case', async () => {
    await handle.db.execute(sql`update cases set status = 'afgesloten', updated_at = updated_at + interval '1 day'
      where id in (select id from cases where 'kuipers' = any (subject_name_tokens) order by id limit 5)`);
    await expectInStep();
    // The write most cases see: only updated_at moves, and the list sorts on it.
    await handle.db.execute(sql`update cases set updated_at = updated_at + interval '1 hour' where number like '%1'`);
    await expectInStep();
    await handle.db.execute(sql`update cases set regisseur_user_id = null, municipality_code = 'GM0307'
      where id in (select id from cases where 'jansen' = any (subject_name_tokens) order by id limit 5)`);
    await expectInStep();
    await handle.db.execute(sql`update cases set subject_name_tokens = '{}' where id in (select id from cases order by id limit 7)`);
    await expectInStep();
    const [victim] = await queryRows<{ id: string }>(handle.db, sql`select id from cases where 'kuipers' = any (subject_name_tokens) order by id limit 1`);
    await handle.db.execute(sql`delete from signals where case_id = ${victim!.id}`);
    await handle.db.execute(sql`delete from agreements where case_id = ${victim!.id}`);
    await handle.db.execute(sql`delete from cases where id = ${victim!.id}`);
    expect(await count(sql`select 1 from case_search_tokens where case_id = ${victim!.id}`)).toBe(0);
    await expectInStep();
  });

  it('find through them exactly the cases the GIN index finds, for a regisseur and for a partner', async () => {
    for (const word of ['kuipers', 'jansen', 'jan', 'onbekend']) {
      expect(await found(house.actor.regisseur.userId, word), word).toEqual(await foundByGin(word));
      expect(await found(house.actor.professional.userId, word), word).toEqual(
        await foundByGin(word, { userId: house.actor.professional.userId, organisationId: house.actor.professional.organisationId! }),
      );
    }
    expect((await found(house.actor.regisseur.userId, 'kuipers')).length).toBeGreaterThan(20);
    expect((await found(house.actor.professional.userId, 'kuipers')).length).toBeGreaterThan(0);
    expect(await found(house.actor.manager.userId, 'kuipers')).toEqual([]);
  });

  it('find nothing for a user who is no longer active, not even the cases they referred', async () => {
    const professional = house.actor.professional.userId;
    await handle.db.execute(sql`update cases set referrer_user_id = ${professional}
      where id in (select id from cases where 'kuipers' = any (subject_name_tokens) order by id limit 3)`);
    expect((await found(professional, 'kuipers')).length).toBeGreaterThanOrEqual(3);
    await handle.db.execute(sql`update users set active = false where id = ${professional}`);
    try {
      expect(await found(professional, 'kuipers')).toEqual([]);
      const twoWords = await asUser(professional, (tx) =>
        queryRows(tx, sql`select id from app_search_cases('%kuipers jan%', array['kuipers', 'jan']::text[])`),
      );
      expect(twoWords).toEqual([]);
    } finally {
      await handle.db.execute(sql`update users set active = true where id = ${professional}`);
    }
  });

  it('cannot be read by the app’s role', async () => {
    const seen = await asUser(house.actor.regisseur.userId, (tx) => queryRows(tx, sql`select count(*) from case_search_tokens`)).then(
      () => 'read',
      (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
    );
    expect(seen).toMatch(/permission denied/);
  });
});
