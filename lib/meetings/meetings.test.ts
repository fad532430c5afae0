import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { signInAll } from '@/lib/testing/actors';
import { addAgendaItem, moveItemToNextMeeting, recordAgendaItem } from './agenda';
import { feedMeetings, feedToken } from './calendar-feed';
import { invitationFile } from './calendar-files';
import { createMeeting } from './create-meeting';
import { getMeeting } from './get-meeting';
import { setAttendance } from './invitations';
import { rescheduleMeeting, transitionMeeting } from './meeting-lifecycle';
import { planNextOccurrence } from './next-occurrence';
import { createMeetingSchema } from './schemas';
import { outcome as code } from '@/lib/testing/outcome';
import { render } from '@/lib/errors';
import { caseIdsBySubjectName, organisationIdsByShortName } from '@/lib/testing/demo-ids';

let handle: DbHandle;
let regisseur: Actor, regisseur2: Actor, ggz: Actor, politie: Actor, veiligthuis: Actor, manager: Actor;
const org: Record<string, string> = {};
const caseOf: Record<string, string> = {};

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  ({ regisseur, regisseur2, ggz, politie, veiligthuis, manager } = await signInAll('regisseur', 'regisseur2', 'ggz', 'politie', 'veiligthuis', 'manager'));
  Object.assign(org, await organisationIdsByShortName(handle.db));
  Object.assign(caseOf, await caseIdsBySubjectName(handle.db));
});
afterAll(() => closeDb());

const base = {
  title: 'Casusoverleg Utrecht-Noord',
  kind: 'casusoverleg' as const,
  date: '2026-03-24',
  startTime: '10:00',
  endTime: '12:00',
  location: 'Veiligheidshuis, zaal 2',
  recurrence: 'wekelijks' as const,
};

describe('a casusoverleg', () => {
  let id: string;

  it('refuses a meeting that ends before it starts', () => {
    const parsed = createMeetingSchema.safeParse({ ...base, endTime: '09:00', chairUserId: crypto.randomUUID() });
    expect(parsed.success).toBe(false);
    expect({ ...parsed.error?.issues[0], message: render(parsed.error!.issues[0]!.message) }).toMatchObject({ path: ['endTime'], message: 'Het overleg eindigt vóór het begint.' });
  });

  it('is prepared in concept, with two cases and three invited partners, and nobody sees it yet', async () => {
    ({ id } = await createMeeting(regisseur, {
      ...base,
      chairUserId: regisseur.userId,
      minuteTakerUserId: regisseur2.userId,
      invitedOrganisationIds: [org.Politie!, org.Altrecht!, org['Gem. Utrecht']!],
      caseIds: [caseOf['Jan de Vries']!, caseOf['Sem Bakker']!],
    }));
    expect(await code(getMeeting(ggz, id))).toBe('NOT_FOUND');
  });

  it('sends invitations when planned, and a partner sees only the items of its own cases', async () => {
    await transitionMeeting(regisseur, id, { action: 'plan', version: 1 });
    const [notified] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from notifications where user_id = ${ggz.userId} and kind = 'meeting'`,
    );
    expect(notified!.n).toBe(1);

    // GGZ is convened to Jan de Vries, not to Sem Bakker.
    const seen = await getMeeting(ggz, id);
    expect(seen.agenda).toHaveLength(2);
    const [jan, sem] = seen.agenda;
    expect(jan).toMatchObject({ visible: true, subjectName: 'Jan de Vries' });
    // The afsprakencheck: the case's open agreements, earliest due first, overdue ones marked.
    expect(jan!.openAgreements!.map((a) => [a.ownerOrganisationName, a.overdue])).toEqual([
      ['Veilig Thuis Regio Utrecht', true],
      ['Altrecht GGZ', true],
      ['Politie Midden-Nederland', false],
    ]);
    expect(sem).toEqual({ id: sem!.id, position: 2, durationMinutes: 15, status: 'open', visible: false });
    expect(JSON.stringify(seen)).not.toContain('Sem Bakker');

    expect(await code(getMeeting(veiligthuis, id))).toBe('NOT_FOUND');
    expect(await code(getMeeting(manager, id))).toBe('NOT_FOUND');
    expect(await code(transitionMeeting(politie, id, { action: 'start', version: 2 }))).toBe('FORBIDDEN');
  });

  it('records attendance and minutes only while in progress, and is read-only when finished', async () => {
    const item = (await getMeeting(regisseur, id)).agenda[0]!;
    expect(await code(setAttendance(regisseur, id, { organisationId: org.Politie!, attendance: 'aanwezig' }))).toBe('VALIDATION');
    await transitionMeeting(regisseur, id, { action: 'start', confirmEarly: true, version: 2 });
    await setAttendance(regisseur, id, { organisationId: org.Politie!, attendance: 'aanwezig' });
    await setAttendance(regisseur, id, { organisationId: org.Altrecht!, attendance: 'afgemeld' });
    const saved = await recordAgendaItem(regisseur, id, item.id, {
      minutes: 'Besproken: <script>alert(1)</script>**veiligheidsplan**\r\n- stand van zaken',
      outcome: 'Plan loopt.',
      status: 'besproken',
      version: item.version!,
    });
    expect(await code(recordAgendaItem(regisseur, id, item.id, { outcome: 'oud', version: item.version! }))).toBe('CONFLICT');
    await transitionMeeting(regisseur, id, { action: 'finish', version: 3 });
    expect(await code(recordAgendaItem(regisseur, id, item.id, { outcome: 'Na afloop', version: saved.version }))).toBe('VALIDATION');
    const finished = await getMeeting(regisseur, id);
    expect(finished.agenda[0]).toMatchObject({ minutes: 'Besproken: alert(1)**veiligheidsplan**\n- stand van zaken', status: 'besproken' });
    expect(finished.invitees.find((i) => i.organisationId === org.Politie)?.attendance).toBe('aanwezig');
  });

  it('can be reopened with a reason by the chair only', async () => {
    expect(await code(transitionMeeting(regisseur2, id, { action: 'reopen', reason: 'Aanvulling', version: 4 }))).toBe('FORBIDDEN');
    await transitionMeeting(regisseur, id, { action: 'reopen', reason: 'Uitkomst aanvullen', version: 4 });
    expect((await getMeeting(regisseur, id)).status).toBe('bezig');
  });

  it('makes the next meeting of the series at the same wall-clock time across summer time, and takes unfinished items along', async () => {
    const next = await planNextOccurrence(regisseur, id);
    // 24 March 10:00 CET is 09:00Z; 31 March 10:00 CEST is 08:00Z.
    expect(next.startsAt.toISOString()).toBe('2026-03-31T08:00:00.000Z');
    const unfinished = (await getMeeting(regisseur, id)).agenda[1]!;
    const moved = await moveItemToNextMeeting(regisseur, id, unfinished.id);
    expect(moved.meetingId).toBe(next.id);
    const nextView = await getMeeting(regisseur, next.id);
    expect(nextView.agenda.map((a) => a.caseId)).toEqual([caseOf['Sem Bakker']]);
    expect(nextView.invitees).toHaveLength(3);
    expect((await getMeeting(regisseur, id)).agenda[1]!.status).toBe('doorgeschoven');
  });
});

describe('calendar invitations', () => {
  it('import into a real iCalendar parser with the right time, a SEQUENCE that grows, and CANCEL when cancelled', async () => {
    const { id } = await createMeeting(regisseur, {
      ...base,
      recurrence: 'geen',
      date: '2026-07-07',
      chairUserId: regisseur.userId,
      invitedOrganisationIds: [org.Politie!],
      caseIds: [],
    });
    await transitionMeeting(regisseur, id, { action: 'plan', version: 1 });
    const invitation = async () => (await invitationFile(regisseur, id, 'https://casusregie.example', new Date('2026-06-01T08:00:00Z'))).body;
    const parse = (text: string) => {
      const calendar = new ICAL.Component(ICAL.parse(text));
      const vevent = calendar.getFirstSubcomponent('vevent')!;
      const event = new ICAL.Event(vevent);
      return { method: calendar.getFirstPropertyValue('method'), event, status: vevent.getFirstPropertyValue('status') };
    };
    const first = parse(await invitation());
    expect(first.method).toBe('REQUEST');
    expect(first.event.uid).toBe(`${id}@casusregie`);
    expect(first.event.startDate.toJSDate().toISOString()).toBe('2026-07-07T08:00:00.000Z');
    expect(first.event.summary).toBe(base.title);
    const firstSequence = first.event.sequence;

    await rescheduleMeeting(regisseur, id, { date: '2026-07-08', startTime: '14:00', endTime: '15:00', version: 2 });
    const moved = parse(await invitation());
    expect(moved.event.sequence).toBe(firstSequence + 1);
    expect(moved.event.startDate.toJSDate().toISOString()).toBe('2026-07-08T12:00:00.000Z');

    await transitionMeeting(regisseur, id, { action: 'cancel', reason: 'Zaal niet beschikbaar', version: 3 });
    const cancelled = parse(await invitation());
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.event.sequence).toBe(firstSequence + 2);
  });

  it('serves a personal feed only for the right token', async () => {
    const [row] = await queryRows<{ v: number }>(handle.db, sql`select session_version as v from users where id = ${politie.userId}`);
    const token = feedToken(politie.userId, row!.v);
    const feed = await feedMeetings(politie.userId, token, new Date('2026-03-20T00:00:00Z'));
    expect(feed?.length).toBeGreaterThan(0);
    expect(await feedMeetings(politie.userId, token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), new Date('2026-03-20T00:00:00Z'))).toBeNull();
    expect(await feedMeetings(ggz.userId, token, new Date('2026-03-20T00:00:00Z'))).toBeNull();
  });
});

describe('agenda changes', () => {
  it('refuses the same case twice and an unknown case', async () => {
    const { id } = await createMeeting(regisseur, { ...base, recurrence: 'geen', chairUserId: regisseur.userId, invitedOrganisationIds: [], caseIds: [caseOf['Jan de Vries']!] });
    expect(await code(addAgendaItem(regisseur, id, { caseId: caseOf['Jan de Vries']!, durationMinutes: 15 }))).toBe('VALIDATION');
    expect(await code(addAgendaItem(regisseur, id, { caseId: crypto.randomUUID(), durationMinutes: 15 }))).toBe('VALIDATION');
    await addAgendaItem(regisseur, id, { topic: 'Mededelingen', durationMinutes: 10 });
    expect((await getMeeting(regisseur, id)).agenda.map((a) => a.topic ?? a.caseId)).toEqual([caseOf['Jan de Vries'], 'Mededelingen']);
  });
});
