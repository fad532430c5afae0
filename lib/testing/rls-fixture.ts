/** The shared set-up of the row-level security tests (db/rls*.test.ts): the demo database and who is who in it. */
import { sql, type SQL } from 'drizzle-orm';
import { signInAs } from './actors';
import { queryRows } from '@/db/query';
import { rolledBack } from '@/db/rollback-probe';
import { cases } from '@/db/schema';
import { useFreshDatabase as freshDatabase } from '@/db/testing';
import type { Db, DbHandle, Tx } from '@/db/types';

export let handle: DbHandle;
export const user: Record<string, string> = {};
export const org: Record<string, string> = {};
/** Demo cases: Jan de Vries (politie, veiligthuis, ggz convened), Henk Pieters (referred by gemeente, no partners). */
export let janCase: string;
export let henkCase: string;

/** A transaction on the test database that is always rolled back (./rollback-probe.ts). */
export const probe = <T>(who: string | null | 'owner', fn: (tx: Tx) => Promise<T>) => rolledBack(handle.db, who, fn);

export const rows = <T = Record<string, unknown>>(tx: Tx | Db, query: SQL) => queryRows<T>(tx, query);
export const count = async (tx: Tx | Db, query: SQL) => (await rows<{ n: number }>(tx, sql`select count(*)::int as n from (${query}) q`))[0]!.n;

/** What a user sees of one case in each case table, as the app role. */
export const seenOf = (who: string | null, caseId: string) =>
  probe(who, async (tx) => ({
    cases: await count(tx, sql`select id from cases where id = ${caseId}`),
    partners: await count(tx, sql`select id from case_partners where case_id = ${caseId}`),
    events: await count(tx, sql`select id from case_events where case_id = ${caseId}`),
    facts: await count(tx, sql`select id from case_facts where id = ${caseId}`),
  }));

/** What a user sees of every case, as the app role. */
export const seenOfAll = (who: string | null) =>
  probe(who, async (tx) => ({
    cases: await count(tx, sql`select id from cases`),
    partners: await count(tx, sql`select id from case_partners`),
    events: await count(tx, sql`select id from case_events`),
    facts: await count(tx, sql`select id from case_facts`),
  }));

export async function seedRlsFixture() {
  handle = await freshDatabase({ demo: true });
  for (const row of await rows<{ id: string; email: string; organisation_id: string }>(
    handle.db,
    sql`select id, email, organisation_id from users`,
  )) {
    user[row.email.split('@')[0]!] = row.id;
  }
  for (const row of await rows<{ id: string; short_name: string }>(handle.db, sql`select id, short_name from organisations`)) {
    org[row.short_name] = row.id;
  }
  // Names are encrypted: find the demo subjects through the ORM, which decrypts.
  const subjects = await handle.db.select({ id: cases.id, name: cases.subjectName }).from(cases);
  janCase = subjects.find((c) => c.name === 'Jan de Vries')!.id;
  henkCase = subjects.find((c) => c.name === 'Henk Pieters')!.id;
  // Reclassering was convened to Jan's case once and left: an ended participation must count for nothing.
  await handle.db.execute(sql`insert into case_partners (case_id, organisation_id, reason, added_by_user_id, ended_at, ended_by_user_id)
    values (${janCase}, ${org.Reclassering}, 'Eerder betrokken', ${user.regisseur}, now(), ${user.regisseur})`);
  // A few sign-ins give the audit log a chain to verify.
  for (const name of ['politie', 'manager', 'admin', 'regisseur']) await signInAs(`${name}@example.org`);
}
