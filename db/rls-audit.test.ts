/**
 * Row-level security on its own (see rls.test.ts): the audit log, signals, organisations and the secrets
 * the app role must never hold, probed with raw SQL as the app role in transactions that are rolled back.
 */
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '@/lib/stagnation/sweep';
import { databaseError } from '@/lib/testing/db-error';
import { count, handle, org, probe, rows, seedRlsFixture, user } from '@/lib/testing/rls-fixture';
import { closeDb } from './testing';

beforeAll(seedRlsFixture);
afterAll(() => closeDb());

describe('row-level security: the audit log is append-only for the app role', () => {
  const firstId = async () => (await rows<{ id: number }>(handle.db, sql`select min(id)::int as id from audit_log`))[0]!.id;

  it('lets the app role neither change nor remove audit rows, nor insert them directly', async () => {
    const id = await firstId();
    expect(await count(handle.db, sql`select id from audit_log`)).toBeGreaterThan(0);
    // The admin may read the log (the control), but not change it.
    expect(await probe(user.admin!, (tx) => count(tx, sql`select id from audit_log where id = ${id}`))).toBe(1);
    for (const statement of [
      sql`update audit_log set outcome = 'allowed' where id = ${id}`,
      sql`delete from audit_log where id = ${id}`,
      sql`truncate audit_log`,
      sql`insert into audit_log (action, entity, outcome, prev_hash, hash) values ('view', 'case', 'allowed', 'x', 'y')`,
    ]) {
      expect(await databaseError(probe(user.admin!, (tx) => tx.execute(statement)))).toMatch(/permission denied/);
    }
  });

  it('lets a regisseur change how a signal is handled, but not its rule, case, level or escalation', async () => {
    await runSweep(handle.db);
    const [signal] = await rows<{ id: string }>(handle.db, sql`select id from signals limit 1`);
    expect(signal).toBeDefined();
    await probe(user.regisseur!, (tx) => rows(tx, sql`update signals set resolution_note = 'Gebeld.' where id = ${signal!.id} returning id`));
    for (const column of [sql`rule = 'x'`, sql`case_id = null`, sql`level = 3`, sql`organisation_id = null`]) {
      expect(await databaseError(probe(user.regisseur!, (tx) => rows(tx, sql`update signals set ${column} where id = ${signal!.id}`)))).toMatch(
        /permission denied/,
      );
    }
  });

  it('lets only an admin create or change an organisation', async () => {
    const rename = sql`update organisations set name = 'Overgenomen' where short_name = 'Politie' returning id`;
    expect(await probe(user.politie!, (tx) => rows(tx, rename))).toHaveLength(0);
    expect(await probe(user.regisseur!, (tx) => rows(tx, rename))).toHaveLength(0);
    expect(await probe(user.admin!, (tx) => rows(tx, rename))).toHaveLength(1);
    const create = sql`insert into organisations (name, short_name, domain) values ('Nep', 'Nep', 'zorg')`;
    expect(await databaseError(probe(user.regisseur!, (tx) => rows(tx, create)))).toMatch(/row-level security/);
  });

  it('lets the app role neither read nor write the chain head', async () => {
    for (const statement of [
      sql`select * from audit_head`,
      sql`update audit_head set last_id = 1`,
      sql`delete from audit_head`,
      sql`insert into audit_head (last_id, last_hash) values (1, 'x') on conflict (singleton) do update set last_hash = 'x'`,
    ]) {
      expect(await databaseError(probe(user.admin!, (tx) => tx.execute(statement)))).toMatch(/permission denied/);
    }
  });

  const append = (actor: string | null) => sql`select audit_append(${actor}::uuid, null, 'professional', 'view', 'case',
    null, null, null, 'allowed', null, null, null)`;

  it('lets audit_append write an entry in the actor’s own name (the control)', async () => {
    const written = await probe(user.politie!, async (tx) => {
      await tx.execute(append(user.politie!));
      await tx.execute(sql`reset role`);
      return count(tx, sql`select id from audit_log where user_id = ${user.politie} and action = 'view'`);
    });
    expect(written).toBe(1);
  });

  it('refuses an audit entry in another user’s name, or in no one’s', async () => {
    expect(await databaseError(probe(user.politie!, (tx) => tx.execute(append(user.ggz!))))).toMatch(/another user/);
    expect(await databaseError(probe(user.politie!, (tx) => tx.execute(append(null))))).toMatch(/another user/);
  });
});

describe('the app role holds no secrets and cannot pre-decide a referral', () => {
  it('cannot read password hashes or sessions, but can read staff names', async () => {
    expect(await databaseError(probe(user.regisseur!, (tx) => rows(tx, sql`select password_hash from users`)))).toMatch(
      /permission denied/,
    );
    expect(await databaseError(probe(user.admin!, (tx) => rows(tx, sql`select * from user_sessions`)))).toMatch(/permission denied/);
    expect(
      await databaseError(probe(user.admin!, (tx) => rows(tx, sql`update user_sessions set revoked_at = null`))),
    ).toMatch(/permission denied/);
    const names = await probe(user.politie!, (tx) => rows<{ name: string }>(tx, sql`select name from users where email = 'regisseur@example.org'`));
    expect(names).toEqual([{ name: 'Ingrid Bakker' }]);
  });

  it('rejects a referral that arrives already triaged, with a case lead, or assigned to someone else', async () => {
    const forged = (extra: SQL) => sql`
      insert into cases (number, target_group, municipality_code, subject_name, subject_birth_date, reason, goal,
        criterion_multi_domain, criterion_multi_chain, criterion_household, criterion_local_safety,
        referrer_user_id, referrer_organisation_id, ${extra})
      values ('ZVH-1998-0001', 'overlast', 'GM0344', 'Vals', '1990-01-01', 'r', 'd', true, true, false, false,
        ${user.politie}, ${org.Politie}, `;
    const attempts = [
      sql`${forged(sql`triage_decision`)} 'in_behandeling') returning id`,
      sql`${forged(sql`case_lead_user_id`)} ${user.politie}) returning id`,
      sql`${forged(sql`regisseur_user_id`)} ${user.regisseur}) returning id`,
    ];
    for (const attempt of attempts) {
      expect(await databaseError(probe(user.politie!, (tx) => rows(tx, attempt)))).toMatch(/row-level security/);
    }
  });
});
