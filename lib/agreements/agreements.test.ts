import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementActions, agreementDueChanges, agreements, notifications, organisations, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { verifyAuditChain } from '@/lib/audit/verify';
import type { Actor } from '@/lib/actor';
import { listCases } from '@/lib/cases/list-cases';
import { addPartner, listPartners, setCaseLead } from '@/lib/cases/partners';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { signInAll } from '@/lib/testing/actors';
import { fieldErrorsOf } from '@/lib/validation/zod';
import { createAgreement } from './create-agreement';
import { agreementHistory } from './list-agreements';
import { logAction } from './log-action';
import { createAgreementSchema, updateAgreementSchema } from './schemas';
import { updateAgreement } from './update-agreement';
import { failure } from '@/lib/testing/outcome';

let handle: DbHandle;
let regisseur: Actor, politie: Actor, reclassering: Actor, ggz: Actor, manager: Actor;
let semBakker: string;

const inDays = (days: number) => {
  const date = new Date(`${todayInAmsterdam()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const orgId = async (name: string) =>
  (await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)))[0]!.id;
const userId = async (email: string) => (await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
const caseOf = async (name: string) => {
  const { items } = await listCases(regisseur, { q: name });
  expect(items).toHaveLength(1);
  return items[0]!.id;
};
const agreementCount = async (caseId: string) =>
  (await handle.db.select({ n: count() }).from(agreements).where(eq(agreements.caseId, caseId)))[0]!.n;
const actionCount = async (agreementId: string) =>
  (await handle.db.select({ n: count() }).from(agreementActions).where(eq(agreementActions.agreementId, agreementId)))[0]!.n;
const stored = async (agreementId: string) => (await handle.db.select().from(agreements).where(eq(agreements.id, agreementId)))[0]!;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  ({ regisseur, politie, reclassering, ggz, manager } = await signInAll('regisseur', 'politie', 'reclassering', 'ggz', 'manager'));
  // Sem Bakker: politie, OM, reclassering and Amersfoort are convened. Jan de Vries: politie, Veilig Thuis, GGZ.
  semBakker = await caseOf('Sem Bakker');
});
afterAll(() => closeDb());

describe('making an agreement', () => {
  it('takes no new agreement, partner or case lead on an ended case, and writes nothing', async () => {
    const ended = (await listCases(regisseur, { status: 'afgesloten' })).items[0]!.id;
    const partners = await listPartners(regisseur, ended);
    const owner = partners.find((p) => !p.endedAt)!.organisationId;
    const before = await agreementCount(ended);
    const message = 'Deze casus is afgesloten of afgewezen; er kan geen nieuw werk meer bij.';
    expect(await failure(createAgreement(regisseur, ended, { description: 'Nog iets doen', ownerOrganisationId: owner, dueDate: inDays(7) }))).toMatchObject({
      code: 'VALIDATION',
      status: 422,
      message,
    });
    expect(await failure(addPartner(regisseur, ended, { organisationId: await orgId('Mitros wonen'), reason: 'Alsnog meekijken.' }))).toMatchObject({ status: 422, message });
    expect(await failure(setCaseLead(regisseur, ended, { userId: null, version: 1 }))).toMatchObject({ status: 422, message });
    expect(await agreementCount(ended)).toBe(before);
    expect(await listPartners(regisseur, ended)).toHaveLength(partners.length);
  });

  it('refuses an owner that is not convened to the case, in Dutch, and writes nothing', async () => {
    const before = await agreementCount(semBakker);
    const result = await failure(
      createAgreement(regisseur, semBakker, { description: 'GGZ-screening plannen', ownerOrganisationId: await orgId('Altrecht GGZ'), dueDate: inDays(14) }),
    );
    expect(result).toMatchObject({ code: 'VALIDATION', status: 422 });
    expect(result.fieldErrors?.ownerOrganisationId).toEqual(['Deze organisatie is niet betrokken bij de casus. Betrek haar eerst als partner.']);
    expect(await agreementCount(semBakker)).toBe(before);
  });

  it('refuses a professional of another organisation as named owner', async () => {
    const result = await failure(
      createAgreement(regisseur, semBakker, {
        description: 'Huisbezoek',
        ownerOrganisationId: await orgId('Politie Midden-Nederland'),
        ownerUserId: await userId('reclassering@example.org'),
        dueDate: inDays(14),
      }),
    );
    expect(result.fieldErrors?.ownerUserId).toEqual(['Kies een actieve professional van de uitvoerende organisatie.']);
  });

  it('refuses a due date in the past with 422 by the caller\'s clock, not the schema\'s, and writes nothing', async () => {
    const now = new Date('2026-03-10T10:00:00+01:00');
    const before = await agreementCount(semBakker);
    const input = { description: 'Huisbezoek afleggen', ownerOrganisationId: await orgId('Politie Midden-Nederland'), dueDate: '2026-03-09' };
    // Well-formed, so the schema lets it through: whether a day has passed is the domain's question, by one clock.
    expect(createAgreementSchema.safeParse(input).success).toBe(true);
    const result = await failure(createAgreement(regisseur, semBakker, input, now));
    expect(result).toMatchObject({ code: 'VALIDATION', status: 422, fieldErrors: { dueDate: ['De einddatum ligt in het verleden.'] } });
    expect(await agreementCount(semBakker)).toBe(before);
    // Moving the due date of an agreement into the past: the same check, the same clock.
    const [existing] = await handle.db.select({ id: agreements.id, version: agreements.version, dueDate: agreements.dueDate }).from(agreements).where(eq(agreements.caseId, semBakker)).limit(1);
    const move = { dueDate: '2026-03-09', dueDateReason: 'Te laat gezien', version: existing!.version };
    expect(updateAgreementSchema.safeParse(move).success).toBe(true);
    expect(await failure(updateAgreement(regisseur, existing!.id, move, now))).toMatchObject({ status: 422, fieldErrors: { dueDate: ['De einddatum ligt in het verleden.'] } });
    expect(await stored(existing!.id)).toMatchObject({ dueDate: existing!.dueDate, version: existing!.version });
  });

  it('is for regisseurs only', async () => {
    const input = { description: 'Zelf bedacht', ownerOrganisationId: politie.organisationId, dueDate: inDays(7) };
    expect(await failure(createAgreement(politie, semBakker, input))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(createAgreement(ggz, semBakker, input))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(createAgreement(manager, semBakker, input))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('an agreement owned by the police', () => {
  let id: string;

  beforeAll(async () => {
    const created = await createAgreement(regisseur, semBakker, {
      description: 'Huisbezoek afleggen en zicht houden op de woning',
      ownerOrganisationId: politie.organisationId,
      ownerUserId: politie.userId,
      dueDate: inDays(14),
    });
    id = created.id;
    expect(created).toMatchObject({ status: 'open', version: 1 });
  });

  it('moves its due date only with a reason, keeps each move in the history and counts them', async () => {
    const withoutReason = updateAgreementSchema.safeParse({ dueDate: inDays(21), version: 1 });
    expect(fieldErrorsOf(withoutReason.error!)).toEqual({ dueDateReason: ['Geef een reden voor de nieuwe einddatum.'] });

    const first = await updateAgreement(regisseur, id, { dueDate: inDays(21), dueDateReason: 'Wijkagent met verlof', version: 1 });
    expect(first).toEqual({ id, version: 2, dueDateMoves: 1 });
    const second = await updateAgreement(regisseur, id, { dueDate: inDays(28), dueDateReason: 'Betrokkene niet thuis', version: 2 });
    expect(second.dueDateMoves).toBe(2);

    const row = await stored(id);
    expect(row).toMatchObject({ dueDate: inDays(28), originalDueDate: inDays(14), dueDateMoves: 2 });
    const { dueChanges } = await agreementHistory(regisseur, id);
    expect(dueChanges.map((c) => [c.fromDate, c.toDate, c.reason])).toEqual([
      [inDays(21), inDays(28), 'Betrokkene niet thuis'],
      [inDays(14), inDays(21), 'Wijkagent met verlof'],
    ]);
    expect(dueChanges[0]!.changedByName).toBe('Ingrid Bakker');
  });

  it('refuses a stale version with 409 and keeps the newer data', async () => {
    const result = await failure(updateAgreement(regisseur, id, { dueDate: inDays(35), dueDateReason: 'Te laat gelezen', version: 2 }));
    expect(result).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(result.message).toMatch(/Iemand anders heeft dit intussen gewijzigd/);
    expect(await stored(id)).toMatchObject({ dueDate: inDays(28), dueDateMoves: 2, version: 3 });
    expect((await handle.db.select({ n: count() }).from(agreementDueChanges).where(eq(agreementDueChanges.agreementId, id)))[0]!.n).toBe(2);
  });

  it('refuses a progress entry from another organisation with 403 and writes nothing', async () => {
    // Reclassering is convened to the case, so it may know the agreement, but it does not own it.
    const result = await failure(logAction(reclassering, id, { kind: 'voortgang', note: 'Wij deden ook iets' }));
    expect(result).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    // GGZ is not convened: the agreement does not exist for it.
    expect(await failure(logAction(ggz, id, { kind: 'voortgang', note: 'Wij ook' }))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(await actionCount(id)).toBe(0);
    expect(await stored(id)).toMatchObject({ status: 'open', lastProgressAt: null, version: 3 });
  });

  it('stores an entry once for the same idempotency key, also when both copies arrive at once', async () => {
    const input = { kind: 'voortgang' as const, note: 'Huisbezoek afgelegd, niemand thuis', idempotencyKey: 'key-voortgang-0001' };
    const first = await logAction(politie, id, input);
    const again = await logAction(politie, id, input);
    expect(first.replayed).toBe(false);
    expect(again).toMatchObject({ replayed: true, action: { id: first.action.id } });
    expect(await actionCount(id)).toBe(1);
    expect(await stored(id)).toMatchObject({ status: 'in_uitvoering', version: 4 });

    const concurrent = { kind: 'voortgang' as const, note: 'Tweede bezoek gepland', idempotencyKey: 'key-voortgang-0002' };
    const both = await Promise.all([logAction(politie, id, concurrent), logAction(politie, id, concurrent)]);
    expect(new Set(both.map((r) => r.action.id)).size).toBe(1);
    expect(both.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(await actionCount(id)).toBe(2);
  });

  it('refuses a key that was used for another request', async () => {
    const result = await failure(logAction(politie, id, { kind: 'voortgang', note: 'Iets anders', idempotencyKey: 'key-voortgang-0001' }));
    expect(result).toMatchObject({ code: 'VALIDATION', fieldErrors: { idempotencyKey: [expect.stringMatching(/al gebruikt/)] } });
    expect(await actionCount(id)).toBe(2);
  });

  it('notifies the regisseur of the case in-app when reported blocked, without personal data', async () => {
    const before = await handle.db.select().from(notifications).where(eq(notifications.userId, regisseur.userId));
    await logAction(politie, id, { kind: 'geblokkeerd', note: 'Wacht op toestemming van de officier' });
    const after = await handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, regisseur.userId), eq(notifications.kind, 'agreement-blocked')));
    expect(after.length).toBe(before.filter((n) => n.kind === 'agreement-blocked').length + 1);
    const notification = after.at(-1)!;
    expect(notification.link).toBe(`/cases/${semBakker}#agreements`);
    expect(notification.title).toMatch(/^Afspraak in ZVH-\d{4}-\d{4} gemeld als geblokkeerd$/);
    expect(notification.title).not.toContain('Bakker');
    expect(await stored(id)).toMatchObject({ blockedReason: 'Wacht op toestemming van de officier' });
  });

  it('closes with a done note, and takes no progress after that', async () => {
    await logAction(politie, id, { kind: 'gereed', note: 'Afgerond: contact gelegd', idempotencyKey: 'key-gereed-000001' });
    expect(await stored(id)).toMatchObject({ status: 'gereed', completionNote: 'Afgerond: contact gelegd', blockedAt: null, blockedReason: null });
    // A retry of the same "done" still answers with the entry it stored.
    expect(
      await logAction(politie, id, { kind: 'gereed', note: 'Afgerond: contact gelegd', idempotencyKey: 'key-gereed-000001' }),
    ).toMatchObject({ replayed: true });
    expect(await failure(logAction(politie, id, { kind: 'voortgang', note: 'Nog iets' }))).toMatchObject({
      code: 'VALIDATION',
      message: 'Deze afspraak is afgerond.',
    });
    const { actions } = await agreementHistory(politie, id);
    expect(actions.map((a) => a.kind)).toEqual(['gereed', 'geblokkeerd', 'voortgang', 'voortgang']);
    expect(actions[0]).toMatchObject({ authorName: 'Mark Jansen', organisationName: 'Politie Midden-Nederland' });
  });
});

describe('the audit chain', () => {
  it('stays intact after all of the above', async () => {
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, problems: [] });
  });
});
