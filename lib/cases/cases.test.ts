import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { organisations } from '@/db/schema';
import { asUser } from '@/db/transaction';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { verifyAuditChain } from '@/lib/audit/verify';
import type { Actor } from '@/lib/actor';
import { signInAs } from '@/lib/testing/actors';
import { getCase } from './get-case';
import { listCases } from './list-cases';
import { addPartner, endPartner, listPartners } from './partners';
import { createReferral } from './refer';
import type { ReferralInput } from './schemas';
import { transitionCase } from './transition-case';
import { updateCase } from './update-case';
import { outcome as code } from '@/lib/testing/outcome';

let handle: DbHandle;
let regisseur: Actor, politie: Actor, ggz: Actor, veiligthuis: Actor, manager: Actor, admin: Actor;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  regisseur = await signInAs('regisseur@example.org');
  politie = await signInAs('politie@example.org');
  ggz = await signInAs('ggz@example.org');
  veiligthuis = await signInAs('veiligthuis@example.org');
  manager = await signInAs('manager@example.org');
  admin = await signInAs('admin@example.org');
});
afterAll(() => closeDb());

const referral: ReferralInput = {
  subject: { name: 'Bram Testpersoon', birthDate: '1988-02-29', address: 'Teststraat 1, Utrecht' },
  municipalityCode: 'GM0344',
  targetGroup: 'overlast',
  criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
  reason: 'Ernstige overlast en zorgmijding.',
  goal: 'Overlast stoppen en zorg op gang brengen.',
  involvedPartners: 'Wijkagent, wijkteam',
};


const orgId = async (name: string) =>
  (await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)))[0]!.id;

describe('a case from referral to convened partners', () => {
  let caseId: string;

  it('gets the next gap-free number of the year', async () => {
    const created = await createReferral(regisseur, referral);
    caseId = created.id;
    expect(created.number).toMatch(/^ZVH-\d{4}-0013$/);
    expect(created.status).toBe('aangemeld');
  });

  it('is triaged and convened, and only convened partners see it', async () => {
    await transitionCase(regisseur, caseId, { action: 'start_triage', version: 1 });
    await transitionCase(regisseur, caseId, { action: 'triage', decision: 'in_behandeling', reason: 'Voldoet', version: 2 });
    await addPartner(regisseur, caseId, { organisationId: await orgId('Politie Midden-Nederland'), reason: 'Wijkagent' });
    await addPartner(regisseur, caseId, { organisationId: await orgId('Altrecht GGZ'), reason: 'Zorg' });

    const seenByPolitie = await getCase(politie, caseId);
    expect(seenByPolitie).toMatchObject({ view: 'shared', status: 'actief', subject: { name: 'Bram Testpersoon' } });
    expect(await code(getCase(veiligthuis, caseId))).toBe('NOT_FOUND');
    expect(await code(getCase(admin, caseId))).toBe('NOT_FOUND');
    const { items } = await listCases(veiligthuis, { q: 'Testpersoon' });
    expect(items).toEqual([]);
    expect((await listCases(politie, { q: 'testpers' })).items.map((c) => c.id)).toEqual([caseId]);
  });

  it('finds a case by any part of its number, and the search function shows no one more than they may see', async () => {
    const { number } = await getCase(regisseur, caseId);
    expect((await listCases(regisseur, { q: number.slice(4) })).items.map((c) => c.id)).toEqual([caseId]);
    const searchAs = (actor: Actor) =>
      asUser(actor.userId, async (tx) => (await queryRows<{ id: string }>(tx, sql`select id from app_search_cases('%', null)`)).map((r) => r.id));
    expect(await searchAs(politie)).toContain(caseId);
    expect(await searchAs(veiligthuis)).not.toContain(caseId);
    expect(await searchAs(manager)).toEqual([]);
  });

  it('counts up to a cap and says there are more', async () => {
    const all = await listCases(regisseur, {});
    expect(all).toMatchObject({ capped: false, total: expect.any(Number) });
    expect(all.total).toBeGreaterThan(2);
    expect(await listCases(regisseur, {}, { countCap: 2 })).toMatchObject({ total: 2, capped: true });
    expect((await listCases(regisseur, {}, { countCap: all.total })).capped).toBe(false);
    // A full first page makes the database count, up to the cap.
    expect(await listCases(regisseur, { pageSize: 5 }, { countCap: 7 })).toMatchObject({ total: 7, capped: true });
    expect(await listCases(regisseur, { pageSize: 5 }, { countCap: all.total })).toMatchObject({ total: all.total, capped: false });
  });

  it('shows the manager the case without name, birth date or free text', async () => {
    const seen = await getCase(manager, caseId);
    expect(seen.view).toBe('pseudonymised');
    expect(JSON.stringify(seen)).not.toMatch(/Bram|1988|Teststraat|overlast en zorgmijding/);
    const list = await listCases(manager, {});
    expect(list.items.find((c) => c.id === caseId)).not.toHaveProperty('subjectName');
  });

  it('refuses a stale edit with 409 and keeps the newer data', async () => {
    const current = await getCase(regisseur, caseId);
    if (current.view !== 'full') throw new Error('regisseur sees the full case');
    await updateCase(regisseur, caseId, { goal: 'Nieuw doel', version: current.version });
    expect(await code(updateCase(regisseur, caseId, { goal: 'Ouder doel', version: current.version }))).toBe('CONFLICT');
    expect(await getCase(regisseur, caseId)).toMatchObject({ goal: 'Nieuw doel' });
  });

  it('forbids a convened professional to change the case, with 403', async () => {
    expect(await code(updateCase(politie, caseId, { goal: 'x', version: 1 }))).toBe('FORBIDDEN');
  });

  it('takes the case away from a partner whose participation ended', async () => {
    const partners = await listPartners(regisseur, caseId);
    const ggzPartner = partners.find((p) => p.organisationName === 'Altrecht GGZ')!;
    await endPartner(regisseur, caseId, { partnerId: ggzPartner.id, reason: 'Zorg overgedragen' });
    expect(await code(getCase(ggz, caseId))).toBe('NOT_FOUND');
  });

  it('records views, changes and refusals in an intact audit chain', async () => {
    const rows = await queryRows<{ action: string; outcome: string; n: number }>(
      handle.db,
      sql`select action::text, outcome, count(*)::int as n from audit_log where case_id = ${caseId} or entity_id = ${caseId}
          group by 1, 2 order by 1, 2`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'create', outcome: 'allowed', n: 1 },
        { action: 'denied', outcome: 'denied', n: expect.any(Number) },
        { action: 'view', outcome: 'allowed', n: expect.any(Number) },
      ]),
    );
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('case numbers under concurrency', () => {
  it('stay unique and without gaps when referrals arrive at once', async () => {
    const created = await Promise.all(Array.from({ length: 8 }, () => createReferral(regisseur, referral)));
    const numbers = created.map((c) => Number(c.number.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => numbers[0]! + i));
  });
});
