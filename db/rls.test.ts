/**
 * Row-level security on its own: lib/ is bypassed and raw SQL runs against the tables exactly as a
 * request's transaction would (role casusregie_app, app.user_id set), so each policy must hold by itself
 * — the second line of defence DESIGN.md promises for the day one check in lib/ is forgotten.
 * Every probe runs in a transaction that is rolled back, so no probe changes what the next one sees.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseError } from '@/lib/testing/db-error';
import { count, handle, henkCase, janCase, org, probe, rows, seedRlsFixture, seenOf, seenOfAll, user } from '@/lib/testing/rls-fixture';
import { cases } from './schema';
import { closeDb } from './testing';
import { APP_ROLE } from './transaction';
import type { Tx } from './types';

beforeAll(seedRlsFixture);
afterAll(() => closeDb());

describe('row-level security: who sees which case rows', () => {
  it('shows a professional whose organisation is not convened nothing of the case, ended participation included', async () => {
    expect(await seenOf(user.reclassering!, janCase)).toEqual({ cases: 0, partners: 0, events: 0, facts: 0 });
    expect(await seenOf(user.gemeente!, janCase)).toEqual({ cases: 0, partners: 0, events: 0, facts: 0 });
  });

  it('shows a convened professional the case, its partners and its history, but not the managers’ facts view', async () => {
    const seen = await seenOf(user.politie!, janCase);
    expect(seen).toMatchObject({ cases: 1, facts: 0 });
    expect(seen.partners).toBeGreaterThanOrEqual(3);
    expect(seen.events).toBeGreaterThanOrEqual(1);
    const [row] = await probe(user.politie!, (tx) => tx.select({ name: cases.subjectName }).from(cases).where(eq(cases.id, janCase)));
    expect(row?.name).toBe('Jan de Vries');
  });

  it('shows a professional no case of another organisation, only the convened ones', async () => {
    const visible = await probe(user.politie!, (tx) =>
      rows<{ id: string }>(tx, sql`select id from cases`),
    );
    const convened = await rows<{ id: string }>(handle.db, sql`
      select distinct c.id from cases c join case_partners p on p.case_id = c.id
      where p.organisation_id = ${org.Politie} and p.ended_at is null
      union select id from cases where referrer_user_id = ${user.politie}`);
    expect(visible.map((r) => r.id).sort()).toEqual(convened.map((r) => r.id).sort());
    expect(visible.length).toBeLessThan(await count(handle.db, sql`select id from cases`));
  });

  it('shows a referrer whose organisation is not convened the case row, but not its partners or history', async () => {
    expect(await seenOf(user.gemeente!, henkCase)).toEqual({ cases: 1, partners: 0, events: 0, facts: 0 });
  });

  it('gives a manager no case rows, only the pseudonymised facts view, which has no subject columns', async () => {
    expect(await seenOf(user.manager!, janCase)).toMatchObject({ cases: 0, events: 0, facts: 1 });
    expect((await seenOfAll(user.manager!)).cases).toBe(0);
    const [fact] = await probe(user.manager!, (tx) => rows(tx, sql`select * from case_facts where id = ${janCase}`));
    const columns = Object.keys(fact!);
    expect(columns).toContain('number');
    for (const column of ['subject_name', 'subject_birth_date', 'subject_address', 'reason', 'goal', 'triage_reason', 'closure_result', 'involved_partners']) {
      expect(columns).not.toContain(column);
    }
    expect(JSON.stringify(fact)).not.toMatch(/Jan de Vries|1984-03-12|Kanaalstraat/);
  });

  it('shows a manager which organisations work on a case, through a view without the reasons', async () => {
    expect((await seenOf(user.manager!, janCase)).partners).toBe(0);
    const partners = await probe(user.manager!, (tx) => rows(tx, sql`select * from case_partner_facts where case_id = ${janCase}`));
    expect(partners.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(partners[0]!)).not.toContain('reason');
    expect(Object.keys(partners[0]!)).not.toContain('end_reason');
    expect(await probe(user.politie!, (tx) => count(tx, sql`select id from case_partner_facts`))).toBe(0);
  });

  it('gives an admin nothing of any case', async () => {
    expect(await seenOfAll(user.admin!)).toEqual({ cases: 0, partners: 0, events: 0, facts: 0 });
  });

  it('gives a transaction without app.user_id nothing at all', async () => {
    expect(await seenOfAll(null)).toEqual({ cases: 0, partners: 0, events: 0, facts: 0 });
    expect(await probe(null, (tx) => count(tx, sql`select id from audit_log`))).toBe(0);
    // An empty setting (what a pooled connection holds after an earlier request) is no one either.
    const empty = await probe(null, async (tx) => {
      await tx.execute(sql`select set_config('app.user_id', '', true)`);
      return count(tx, sql`select id from cases`);
    });
    expect(empty).toBe(0);
  });

  it('gives a deactivated user nothing, even with a valid user id', async () => {
    const seen = await probe('owner', async (tx) => {
      await tx.execute(sql`update users set active = false where id = ${user.regisseur}`);
      await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
      await tx.execute(sql`select set_config('app.user_id', ${user.regisseur}, true)`);
      return count(tx, sql`select id from cases`);
    });
    expect(seen).toBe(0);
    expect((await seenOfAll(user.regisseur!)).cases).toBeGreaterThan(0);
  });
});

describe('row-level security: who the actor is (drizzle/0053)', () => {
  const casesSeen = (tx: Tx) => count(tx, sql`select id from cases`);

  it('does not carry one user\'s role over to another user id set in the same transaction', async () => {
    const politie = (await seenOfAll(user.politie!)).cases;
    const regisseur = (await seenOfAll(user.regisseur!)).cases;
    expect(regisseur).toBeGreaterThan(politie);
    // Made the regisseur's, then app.user_id moved to the police officer: the police officer's rows only.
    const moved = await probe(user.regisseur!, async (tx) => {
      await tx.execute(sql`select set_config('app.user_id', ${user.politie}, true)`);
      return casesSeen(tx);
    });
    expect(moved).toBe(politie);
    // And the other way round: no role is kept from the police officer either.
    const back = await probe(user.politie!, async (tx) => {
      await tx.execute(sql`select set_config('app.user_id', ${user.regisseur}, true)`);
      return casesSeen(tx);
    });
    expect(back).toBe(regisseur);
  });

  it('gives a user who is deactivated when the transaction becomes theirs nothing', async () => {
    const seen = await probe('owner', async (tx) => {
      await tx.execute(sql`update users set active = false where id = ${user.regisseur}`);
      await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
      await tx.execute(sql`select app_become(${user.regisseur}::uuid)`);
      return casesSeen(tx);
    });
    expect(seen).toBe(0);
  });

  it('reads role and organisation inside each statement, without a lookup per policy', async () => {
    const plan = await probe(user.politie!, async (tx) =>
      (await rows<{ 'QUERY PLAN': string }>(tx, sql`explain (verbose, costs off) select id from agreements`)).map((r) => r['QUERY PLAN']).join('\n'),
    );
    // The policy functions are inlined: their settings appear in the plan, not a call of app_user_role().
    expect(plan).toContain("current_setting('app.actor_of'");
    expect(plan).not.toMatch(/\bapp_user_role\(\)|\bapp_user_org\(\)/);
  });
});

describe('row-level security: what the app role may write', () => {
  const newCase = (referrer: string, organisation: string, status = 'aangemeld') => sql`
    insert into cases (number, status, target_group, municipality_code, subject_name, subject_birth_date, reason, goal,
      criterion_multi_domain, criterion_multi_chain, criterion_household, criterion_local_safety,
      referrer_user_id, referrer_organisation_id)
    values ('ZVH-1999-' || lpad((floor(random() * 9999))::int::text, 4, '0'), ${status}::case_status, 'overlast', 'GM0344',
      'Vals', '1990-01-01', 'r', 'd', true, true, false, false, ${referrer}, ${organisation})
    returning id`;

  it('accepts a referral in the professional’s own name (the control for the forgeries below)', async () => {
    const created = await probe(user.politie!, (tx) => rows(tx, newCase(user.politie!, org.Politie!)));
    expect(created).toHaveLength(1);
  });

  it('rejects a case inserted in the name of another user, another organisation or past aangemeld', async () => {
    expect(await databaseError(probe(user.politie!, (tx) => rows(tx, newCase(user.ggz!, org.Politie!))))).toMatch(
      /row-level security/,
    );
    expect(await databaseError(probe(user.politie!, (tx) => rows(tx, newCase(user.politie!, org.Altrecht!))))).toMatch(
      /row-level security/,
    );
    expect(
      await databaseError(probe(user.politie!, (tx) => rows(tx, newCase(user.politie!, org.Politie!, 'actief')))),
    ).toMatch(/row-level security/);
    expect(await databaseError(probe(user.manager!, (tx) => rows(tx, newCase(user.manager!, org['ZVH Utrecht']!))))).toMatch(
      /row-level security/,
    );
  });

  it('lets a professional change no case, not even a convened one', async () => {
    const changed = await probe(user.politie!, (tx) =>
      rows(tx, sql`update cases set goal = 'gekaapt', status = 'afgesloten' where id = ${janCase} returning id`),
    );
    expect(changed).toEqual([]);
    const control = await probe(user.regisseur!, (tx) => rows(tx, sql`update cases set goal = 'x' where id = ${janCase} returning id`));
    expect(control).toHaveLength(1);
    expect(await databaseError(probe(user.regisseur!, (tx) => rows(tx, sql`delete from cases where id = ${janCase}`)))).toMatch(
      /permission denied/,
    );
  });

  it('lets a professional convene no organisation and end no partnership', async () => {
    const convene = sql`insert into case_partners (case_id, organisation_id, reason, added_by_user_id)
      values (${janCase}, ${org.Reclassering}, 'zelf erbij gezet', ${user.politie}) returning id`;
    expect(await databaseError(probe(user.politie!, (tx) => rows(tx, convene)))).toMatch(/row-level security/);
    const ended = await probe(user.politie!, (tx) =>
      rows(tx, sql`update case_partners set ended_at = now() where case_id = ${janCase} returning id`),
    );
    expect(ended).toEqual([]);
    // The same insert by a regisseur is accepted: the refusal above is the policy, not the statement.
    const asRegisseur = sql`insert into case_partners (case_id, organisation_id, reason, added_by_user_id)
      values (${janCase}, ${org.Reclassering}, 'nodig', ${user.regisseur}) returning id`;
    expect(await probe(user.regisseur!, (tx) => rows(tx, asRegisseur))).toHaveLength(1);
  });

  it('lets no one write a case event in another user’s name, and a professional none on a convened case', async () => {
    const event = (actor: string) => sql`insert into case_events (case_id, kind, from_status, to_status, actor_user_id)
      values (${janCase}, 'status', 'actief', 'afgesloten', ${actor}) returning id`;
    expect(await databaseError(probe(user.politie!, (tx) => rows(tx, event(user.politie!))))).toMatch(/row-level security/);
    expect(await databaseError(probe(user.regisseur!, (tx) => rows(tx, event(user.regisseur2!))))).toMatch(/row-level security/);
    expect(await probe(user.regisseur!, (tx) => rows(tx, event(user.regisseur!)))).toHaveLength(1);
  });

  it('lets a professional neither promote themselves nor move to a convened organisation', async () => {
    // Every policy trusts users.role and users.organisation_id: the app role must not be able to rewrite them.
    const promote = await databaseError(
      probe(user.reclassering!, async (tx) => {
        const changed = await rows(tx, sql`update users set role = 'regisseur' where id = ${user.reclassering} returning id`);
        if (changed.length === 0) throw new Error('row-level security: no row changed');
        return changed;
      }),
    );
    expect(promote).toMatch(/row-level security/);
    const move = await databaseError(
      probe(user.reclassering!, async (tx) => {
        const changed = await rows(tx, sql`update users set organisation_id = ${org.Politie} where id = ${user.reclassering} returning id`);
        if (changed.length === 0) throw new Error('row-level security: no row changed');
        return changed;
      }),
    );
    expect(move).toMatch(/row-level security/);
    const promoteOther = await probe(user.reclassering!, (tx) =>
      rows(tx, sql`update users set role = 'regisseur' where id = ${user.ggz} returning id`),
    );
    expect(promoteOther).toEqual([]);
    const newUser = sql`insert into users (organisation_id, email, name, role, password_hash)
      values (${org.Reclassering}, 'handlanger@example.org', 'H', 'regisseur', 'x') returning id`;
    expect(await databaseError(probe(user.reclassering!, (tx) => rows(tx, newUser)))).toMatch(/row-level security/);
    // Their own name and language they may still change (the profile page does).
    const own = await probe(user.reclassering!, (tx) =>
      rows(tx, sql`update users set name = 'Fatima O.', locale = 'en' where id = ${user.reclassering} returning id`),
    );
    expect(own).toHaveLength(1);
  });
});
