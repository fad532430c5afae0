import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { getDashboard } from '@/lib/dashboard/figures';
import { readJson } from '@/lib/http/read-json';
import { createMeeting } from '@/lib/meetings/create-meeting';
import { getMeeting } from '@/lib/meetings/get-meeting';
import { transitionMeeting } from '@/lib/meetings/meeting-lifecycle';
import { signInAll } from '@/lib/testing/actors';
import { fieldErrorsOf } from '@/lib/validation/zod';
import { createAgreement } from './create-agreement';
import { listAgreements, listCaseAgreements } from './list-agreements';
import { logAction } from './log-action';
import { itemOwnerOptions } from './meeting-options';
import { closeInMeetingSchema, createAgreementSchema, updateAgreementSchema } from './schemas';
import { updateAgreement } from './update-agreement';
import { caseIdsBySubjectName, organisationIdsByShortName } from '@/lib/testing/demo-ids';
import { failure } from '@/lib/testing/outcome';

// One clock throughout: the demo is seeded at it and every call is made at it (Wednesday 10 March 2027, 10:00 in Utrecht).
const NOW = new Date('2027-03-10T09:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let handle: DbHandle;
let regisseur: Actor, politie: Actor, reclassering: Actor, manager: Actor;
const org: Record<string, string> = {};
const caseOf: Record<string, string> = {};
let meetingId: string;
let semItem: string, janItem: string;

const stored = async (id: string) => (await handle.db.select().from(agreements).where(eq(agreements.id, id)))[0]!;
const meeting = (input: { title: string; date: string; caseIds: string[]; invite: string[] }) =>
  createMeeting(regisseur, {
    title: input.title,
    kind: 'casusoverleg',
    date: input.date,
    startTime: '10:00',
    endTime: '12:00',
    chairUserId: regisseur.userId,
    recurrence: 'geen',
    invitedOrganisationIds: input.invite,
    caseIds: input.caseIds,
  });

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  ({ regisseur, politie, reclassering, manager } = await signInAll('regisseur', 'politie', 'reclassering', 'manager'));
  Object.assign(org, await organisationIdsByShortName(handle.db));
  Object.assign(caseOf, await caseIdsBySubjectName(handle.db));
  // Sem Bakker: politie, OM, reclassering and Amersfoort are convened. Jan de Vries: politie, Veilig Thuis, GGZ.
  // Reclassering is convened to Sem Bakker but not invited to this meeting.
  ({ id: meetingId } = await meeting({
    title: 'Casusoverleg Utrecht-Noord',
    date: '2027-03-10',
    caseIds: [caseOf['Sem Bakker']!, caseOf['Jan de Vries']!],
    invite: [org.Politie!, org.Altrecht!],
  }));
  await transitionMeeting(regisseur, meetingId, { action: 'plan', version: 1 }, NOW);
  await transitionMeeting(regisseur, meetingId, { action: 'start', version: 2 }, NOW);
  const agenda = (await getMeeting(regisseur, meetingId)).agenda;
  semItem = agenda.find((a) => a.caseId === caseOf['Sem Bakker'])!.id;
  janItem = agenda.find((a) => a.caseId === caseOf['Jan de Vries'])!.id;
});
afterAll(() => closeDb());

describe('an agreement made in the agenda item', () => {
  let madeId: string;

  it('offers the partners convened to the case as owners, the invited ones first', async () => {
    const options = (await itemOwnerOptions(regisseur, meetingId)).get(caseOf['Sem Bakker']!)!;
    expect(options.organisations.map((o) => [o.label, o.invited])).toEqual([
      ['Politie Midden-Nederland', true],
      ['Gemeente Amersfoort', false],
      ['Openbaar Ministerie Midden-Nederland', false],
      ['Reclassering Nederland', false],
    ]);
    expect(await failure(itemOwnerOptions(politie, meetingId))).toMatchObject({ status: 403 });
  });

  it('is linked to the item and the meeting, and shows in the afsprakencheck as new', async () => {
    const politieAgent = (await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'politie@example.org')))[0]!.id;
    const created = await createAgreement(
      regisseur,
      caseOf['Sem Bakker'],
      { description: 'Wijkagent bezoekt Sem thuis', ownerOrganisationId: org.Politie!, ownerUserId: politieAgent, dueDate: '2027-03-24', agendaItemId: semItem, meetingId },
      later(5),
    );
    madeId = created.id;
    expect(created.meetingId).toBe(meetingId);
    expect(await stored(madeId)).toMatchObject({ agendaItemId: semItem, meetingId, status: 'open' });
    const check = (await getMeeting(regisseur, meetingId)).agenda.find((a) => a.id === semItem)!.openAgreements!;
    expect(check.find((a) => a.id === madeId)).toMatchObject({ madeHere: true, closedHere: false, ownerUserName: expect.any(String) });
  });

  it('with only the meeting named, finds the case item itself', async () => {
    const created = await createAgreement(
      regisseur,
      caseOf['Jan de Vries'],
      { description: 'GGZ plant een intake', ownerOrganisationId: org.Altrecht!, dueDate: '2027-03-31', meetingId },
      later(6),
    );
    expect(await stored(created.id)).toMatchObject({ agendaItemId: janItem, meetingId });
  });

  it('says "afgesproken in" on the case and in Mijn afspraken, only to readers who may see the meeting', async () => {
    const onCase = (await listCaseAgreements(regisseur, caseOf['Sem Bakker'], {}, later(7))).find((a) => a.id === madeId)!;
    expect(onCase).toMatchObject({ meetingId, meetingTitle: 'Casusoverleg Utrecht-Noord', meetingStartsAt: NOW });
    const mine = (await listAgreements(politie, { owner: 'me' }, later(7))).find((a) => a.id === madeId)!;
    expect(mine).toMatchObject({ meetingId, meetingTitle: 'Casusoverleg Utrecht-Noord' });
    // Reclassering sees the case, not the meeting it was not invited to: no title, no link.
    const seenByReclassering = (await listCaseAgreements(reclassering, caseOf['Sem Bakker'], {}, later(7))).find((a) => a.id === madeId)!;
    expect(seenByReclassering).toMatchObject({ description: 'Wijkagent bezoekt Sem thuis', meetingId: null, meetingTitle: null });
  });

  it('is refused for an organisation not convened, an item of another case, or a meeting not running', async () => {
    const base = { description: 'Iets regelen', dueDate: '2027-03-24' };
    const before = (await handle.db.select({ id: agreements.id }).from(agreements)).length;
    expect(await failure(createAgreement(regisseur, caseOf['Sem Bakker'], { ...base, ownerOrganisationId: org.Altrecht!, agendaItemId: semItem }, later(8)))).toMatchObject({
      status: 422,
      fieldErrors: { ownerOrganisationId: ['Deze organisatie is niet betrokken bij de casus. Betrek haar eerst als partner.'] },
    });
    expect(await failure(createAgreement(regisseur, caseOf['Sem Bakker'], { ...base, ownerOrganisationId: org.Politie!, agendaItemId: janItem }, later(8)))).toMatchObject({
      status: 422,
      fieldErrors: { agendaItemId: ['Dit agendapunt hoort niet bij deze casus.'] },
    });
    const { id: planned } = await meeting({ title: 'Volgend overleg', date: '2027-03-17', caseIds: [caseOf['Sem Bakker']!], invite: [org.Politie!] });
    expect(await failure(createAgreement(regisseur, caseOf['Sem Bakker'], { ...base, ownerOrganisationId: org.Politie!, meetingId: planned }, later(8)))).toMatchObject({
      status: 422,
      fieldErrors: { meetingId: ['Dit overleg is niet bezig; leg de afspraak vast op de casuspagina.'] },
    });
    expect((await handle.db.select({ id: agreements.id }).from(agreements)).length).toBe(before);
    // The schema checks the due date against the real clock (the domain checks it again with its own): a date far
    // ahead keeps this about the item id on any day the suite runs.
    const malformed = createAgreementSchema.safeParse({ ...base, dueDate: '2099-03-24', ownerOrganisationId: org.Politie, agendaItemId: 'punt-1' });
    expect(fieldErrorsOf(malformed.error!)).toEqual({ agendaItemId: ['Geen geldig agendapunt.'] });
  });
});

describe('the afsprakencheck', () => {
  const openOf = async (caseName: string) =>
    (await listCaseAgreements(regisseur, caseOf[caseName], { openOnly: true }, later(10))).filter((a) => a.status === 'open' || a.status === 'in_uitvoering');

  it('shows a blocked agreement as blocked, with its reason', async () => {
    const target = (await openOf('Sem Bakker')).find((a) => a.ownerOrganisationId === org.Politie && !a.blockedAt)!;
    await logAction(politie, target.id, { kind: 'geblokkeerd', note: 'Betrokkene weigert elk contact.' }, later(11));
    const check = (await getMeeting(regisseur, meetingId)).agenda.find((a) => a.id === semItem)!.openAgreements!;
    expect(check.find((a) => a.id === target.id)).toMatchObject({ blocked: true, blockedReason: 'Betrokkene weigert elk contact.', status: target.status });
  });

  it('closes an agreement as "niet gedaan" only with a reason, keeps it in view as closed here, and refuses a stale version', async () => {
    const target = (await openOf('Sem Bakker')).find((a) => a.ownerOrganisationId === org.Reclassering || a.ownerOrganisationId === org.OM)!;
    const noReason = closeInMeetingSchema.safeParse({ outcome: 'niet_gedaan', version: target.version });
    expect(fieldErrorsOf(noReason.error!)).toEqual({ closeReason: ['Kies waarom de afspraak niet is gedaan.'] });
    const apiNoReason = updateAgreementSchema.safeParse({ status: 'niet_nagekomen', version: target.version });
    expect(fieldErrorsOf(apiNoReason.error!)).toEqual({ closeReason: ['Kies waarom de afspraak niet is gedaan.'] });

    const closed = await updateAgreement(
      regisseur,
      target.id,
      { status: 'niet_nagekomen', closeReason: 'niet_uitgevoerd', closeNote: 'Geen contact gezocht.', meetingId, version: target.version },
      later(12),
    );
    expect(closed).toMatchObject({ version: target.version + 1 });
    expect((await stored(target.id)).status).toBe('niet_nagekomen');
    expect(await stored(target.id)).toMatchObject({ closeReason: 'niet_uitgevoerd', closeNote: 'Geen contact gezocht.', closedInMeetingId: meetingId });
    const check = (await getMeeting(regisseur, meetingId)).agenda.find((a) => a.id === semItem)!.openAgreements!;
    expect(check.find((a) => a.id === target.id)).toMatchObject({ status: 'niet_nagekomen', closedHere: true, closeReason: 'niet_uitgevoerd' });

    // Someone else, still looking at the old version, is told so; nothing is overwritten.
    expect(await failure(updateAgreement(regisseur, target.id, { status: 'gereed', meetingId, version: target.version }, later(13)))).toMatchObject({ status: 409 });
    expect((await stored(target.id)).status).toBe('niet_nagekomen');
  });

  it('closes as "gedaan" with the date it was done', async () => {
    const target = (await openOf('Jan de Vries'))[0]!;
    await updateAgreement(regisseur, target.id, { status: 'gereed', meetingId, version: target.version }, later(14));
    expect(await stored(target.id)).toMatchObject({ status: 'gereed', completedAt: later(14), closeReason: null, closedInMeetingId: meetingId });
  });

  it('moves the due date (with a reason) and hands it to another convened partner, never to one not convened', async () => {
    const target = (await openOf('Sem Bakker')).find((a) => a.ownerOrganisationId === org.Politie)!;
    const moved = await updateAgreement(
      regisseur,
      target.id,
      { dueDate: '2027-04-07', dueDateReason: 'Na de zitting', ownerOrganisationId: org.OM!, meetingId, version: target.version },
      later(15),
    );
    expect(await stored(target.id)).toMatchObject({ dueDate: '2027-04-07', ownerOrganisationId: org.OM, ownerUserId: null, dueDateMoves: target.dueDateMoves + 1 });
    expect(
      await failure(updateAgreement(regisseur, target.id, { ownerOrganisationId: org.Altrecht!, meetingId, version: moved.version }, later(16))),
    ).toMatchObject({ status: 422, fieldErrors: { ownerOrganisationId: ['Deze organisatie is niet betrokken bij de casus. Betrek haar eerst als partner.'] } });
    expect((await stored(target.id)).ownerOrganisationId).toBe(org.OM);
  });
});

describe('the API bodies', () => {
  const body = (json: unknown) =>
    new Request('http://localhost/api/v1/agreements/x', { method: 'PATCH', body: JSON.stringify(json), headers: { 'content-type': 'application/json' } });

  it('answer 422 in Dutch for a malformed reason, meeting or item, and take a well-formed close', async () => {
    await expect(readJson(body({ status: 'niet_nagekomen', closeReason: 'vergeten', version: 1 }), updateAgreementSchema)).rejects.toMatchObject({
      status: 422,
      fieldErrors: { closeReason: ['Kies waarom de afspraak niet is gedaan.'] },
    });
    await expect(readJson(body({ status: 'gereed', closeReason: 'niet_uitgevoerd', version: 1 }), updateAgreementSchema)).rejects.toMatchObject({
      status: 422,
      fieldErrors: { closeReason: ['Een reden hoort alleen bij "niet gedaan".'] },
    });
    await expect(
      readJson(body({ description: 'Iets', ownerOrganisationId: org.Politie, dueDate: '2099-01-01', meetingId: 'overleg-3' }), createAgreementSchema),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { meetingId: ['Geen geldig overleg.'] } });
    expect(await readJson(body({ status: 'niet_nagekomen', closeReason: 'niet_meer_mogelijk', meetingId, version: 3 }), updateAgreementSchema)).toEqual({
      status: 'niet_nagekomen',
      closeReason: 'niet_meer_mogelijk',
      meetingId,
      version: 3,
    });
  });
});

describe('per partner, the reasons for "not done"', () => {
  it('are counted exactly for a regisseur and shown as "< 5" to a manager', async () => {
    const exact = await getDashboard(regisseur, {}, { now: later(20) });
    const row = (shortName: string, d: typeof exact) => d.partners.find((p) => p.organisationId === org[shortName]);
    const counted = (await handle.db.select().from(agreements).where(eq(agreements.status, 'niet_nagekomen'))).filter(
      (a) => a.ownerOrganisationId === org.Reclassering && a.closeReason === 'niet_uitgevoerd',
    ).length;
    expect(counted).toBeGreaterThan(0);
    expect(row('Reclassering', exact)).toMatchObject({ notDoneNotCarriedOut: counted, notDoneNoLongerPossible: 0 });
    const suppressed = await getDashboard(manager, {}, { now: later(20) });
    expect(row('Reclassering', suppressed)).toMatchObject({ notDoneNotCarriedOut: '< 5', notDoneNoLongerPossible: 0 });
  });
});

describe('starting a meeting', () => {
  it('more than a day before its date asks for confirmation, by the caller\'s clock', async () => {
    const { id } = await meeting({ title: 'Overleg over vijf dagen', date: '2027-03-15', caseIds: [], invite: [] });
    await transitionMeeting(regisseur, id, { action: 'plan', version: 1 }, NOW);
    const refused = await failure(transitionMeeting(regisseur, id, { action: 'start', version: 2 }, NOW));
    expect(refused).toMatchObject({ status: 422, fieldErrors: { confirmEarly: [expect.stringContaining('15 maart 2027 om 10:00')] } });
    // 23 hours ahead it starts without a question; a day and an hour ahead it asks.
    expect(await failure(transitionMeeting(regisseur, id, { action: 'start', version: 2 }, new Date('2027-03-14T08:00:00Z')))).toMatchObject({ status: 422 });
    expect(await transitionMeeting(regisseur, id, { action: 'start', version: 2 }, new Date('2027-03-14T10:00:00Z'))).toMatchObject({ status: 'bezig' });
  });

  it('early, with the confirmation, starts', async () => {
    const { id } = await meeting({ title: 'Overleg volgende week', date: '2027-03-17', caseIds: [], invite: [] });
    await transitionMeeting(regisseur, id, { action: 'plan', version: 1 }, NOW);
    expect(await transitionMeeting(regisseur, id, { action: 'start', confirmEarly: true, version: 2 }, NOW)).toMatchObject({ status: 'bezig' });
  });
});
