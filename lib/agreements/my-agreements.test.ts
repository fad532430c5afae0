import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { verifyAuditChain } from '@/lib/audit/verify';
import type { Actor } from '@/lib/actor';
import { listCases } from '@/lib/cases/list-cases';
import { endPartner, listPartners } from '@/lib/cases/partners';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { signInAll } from '@/lib/testing/actors';
import { fieldErrorsOf } from '@/lib/validation/zod';
import { createAgreement } from './create-agreement';
import { daysOverdue } from './dates';
import { listAgreements, listCaseAgreements } from './list-agreements';
import { logAction } from './log-action';
import { myAgreementsQuerySchema } from './schemas';
import { failure } from '@/lib/testing/outcome';

// Mijn afspraken: a partner's list of its agreements (making and working them off: ./agreements.test.ts).

let handle: DbHandle;
let regisseur: Actor, politie: Actor, reclassering: Actor, ggz: Actor, manager: Actor, admin: Actor;
let semBakker: string, janDeVries: string, thomasBrouwer: string;

const inDays = (days: number) => {
  const date = new Date(`${todayInAmsterdam()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const caseOf = async (name: string) => {
  const { items } = await listCases(regisseur, { q: name });
  expect(items).toHaveLength(1);
  return items[0]!.id;
};

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  ({ regisseur, politie, reclassering, ggz, manager, admin } = await signInAll('regisseur', 'politie', 'reclassering', 'ggz', 'manager', 'admin'));
  // Sem Bakker: politie, OM, reclassering and Amersfoort are convened. Jan de Vries: politie, Veilig Thuis, GGZ.
  semBakker = await caseOf('Sem Bakker');
  janDeVries = await caseOf('Jan de Vries');
  thomasBrouwer = await caseOf('Thomas Brouwer');
  // The police's agreement named to its professional, already done (./agreements.test.ts makes and works it off step by step).
  const { id } = await createAgreement(regisseur, semBakker, {
    description: 'Huisbezoek afleggen en zicht houden op de woning',
    ownerOrganisationId: politie.organisationId,
    ownerUserId: politie.userId,
    dueDate: inDays(14),
  });
  await logAction(politie, id, { kind: 'gereed', note: 'Afgerond: contact gelegd', idempotencyKey: 'key-gereed-000001' });
});
afterAll(() => closeDb());

describe('Mijn afspraken', () => {
  let onTime: string, overdue: string, elsewhere: string, leftCase: string;

  beforeAll(async () => {
    onTime = (await createAgreement(regisseur, semBakker, { description: 'Buurtonderzoek', ownerOrganisationId: politie.organisationId, dueDate: inDays(3) })).id;
    overdue = (await createAgreement(regisseur, janDeVries, { description: 'Aangifte opnemen', ownerOrganisationId: politie.organisationId, dueDate: inDays(10) })).id;
    // Ten days ago: only the database can put a due date in the past.
    await handle.db.update(agreements).set({ dueDate: inDays(-10) }).where(eq(agreements.id, overdue));
    elsewhere = (await createAgreement(regisseur, semBakker, { description: 'Reclasseringsadvies', ownerOrganisationId: reclassering.organisationId, dueDate: inDays(2) })).id;
    leftCase = (await createAgreement(regisseur, thomasBrouwer, { description: 'Gesprek op school', ownerOrganisationId: politie.organisationId, dueDate: inDays(5) })).id;
  });

  it('puts overdue agreements first and says how late they are', async () => {
    const items = await listAgreements(politie);
    const firstOnTime = items.findIndex((a) => !a.overdue);
    expect(items.slice(firstOnTime).every((a) => !a.overdue)).toBe(true);
    const mine = items.find((a) => a.id === overdue)!;
    expect(mine).toMatchObject({ overdue: true, dueDate: inDays(-10), caseNumber: expect.stringMatching(/^ZVH-/) });
    expect(items.indexOf(mine)).toBeLessThan(firstOnTime);
    expect(daysOverdue(mine.dueDate, todayInAmsterdam())).toBe(10);
    // Within the rest: open ones by due date, finished ones last.
    const ours = items.filter((a) => [overdue, onTime, leftCase].includes(a.id)).map((a) => a.id);
    expect(ours).toEqual([overdue, onTime, leftCase]);
    // Finished ones after all open work, the most recent due date first.
    const finished = items.findIndex((a) => !['open', 'in_uitvoering'].includes(a.status));
    expect(finished).toBeGreaterThan(0);
    const rest = items.slice(finished);
    expect(rest.every((a) => !['open', 'in_uitvoering'].includes(a.status))).toBe(true);
    expect(rest.map((a) => a.dueDate)).toEqual(rest.map((a) => a.dueDate).sort().reverse());
    const open = items.slice(0, finished).map((a) => a.dueDate);
    expect(open).toEqual([...open].sort());
    expect(items.every((a) => a.ownerOrganisationId === politie.organisationId || a.ownerUserId === politie.userId)).toBe(true);
    expect(items.map((a) => a.id)).not.toContain(elsewhere);

    const late = await listAgreements(politie, { overdue: 'true' });
    expect(late.map((a) => a.id)).toContain(overdue);
    expect(late.every((a) => a.overdue)).toBe(true);
    expect((await listAgreements(politie, { status: 'gereed' })).every((a) => a.status === 'gereed')).toBe(true);
    const named = await listAgreements(politie, { owner: 'me' });
    expect(named.map((a) => a.description)).toContain('Huisbezoek afleggen en zicht houden op de woning');
    expect(named.every((a) => a.ownerUserId === politie.userId)).toBe(true);
  });

  it('reads the filters of the URL, where an empty field filters nothing', () => {
    expect(myAgreementsQuerySchema.parse({ owner: '', status: '', overdue: 'true', other: 'x' })).toEqual({ overdue: 'true' });
    expect(myAgreementsQuerySchema.parse({ status: ['gereed', 'open'] })).toEqual({ status: 'gereed' });
    const wrong = myAgreementsQuerySchema.safeParse({ status: 'klaar', owner: 'iedereen' });
    expect(fieldErrorsOf(wrong.error!)).toEqual({ status: ['Onbekende status.'], owner: ["Kies 'me' of 'org'."] });
  });

  it('shows nothing of cases the organisation is not convened to', async () => {
    const ggzItems = await listAgreements(ggz);
    expect(ggzItems.map((a) => a.caseId)).not.toContain(semBakker);
    expect(ggzItems.map((a) => a.id)).not.toContain(overdue); // owned by the police, though GGZ is convened to that case

    const politiePartner = (await listPartners(regisseur, thomasBrouwer)).find((p) => p.organisationId === politie.organisationId)!;
    await endPartner(regisseur, thomasBrouwer, { partnerId: politiePartner.id, reason: 'Politie-inzet afgerond' });
    const items = await listAgreements(politie);
    expect(items.map((a) => a.id)).not.toContain(leftCase);
    expect(items.map((a) => a.caseId)).not.toContain(thomasBrouwer);
    expect(await failure(logAction(politie, leftCase, { kind: 'voortgang', note: 'Toch nog iets' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives the regisseur every agreement, managers the facts of a case only, and admins nothing', async () => {
    const all = await listAgreements(regisseur);
    expect(all.map((a) => a.id)).toEqual(expect.arrayContaining([onTime, overdue, elsewhere, leftCase]));
    expect(all[0]!.overdue).toBe(true);
    expect(await failure(listAgreements(manager))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(listAgreements(admin))).toMatchObject({ code: 'FORBIDDEN' });
    const facts = await listCaseAgreements(manager, semBakker);
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((a) => a.description === '' && a.blockedReason === null && a.completionNote === null)).toBe(true);
    expect(await failure(listCaseAgreements(admin, semBakker))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, problems: [] });
  });
});
