import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { agreements } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { signInAll } from '@/lib/testing/actors';
import { createMeeting } from './create-meeting';
import { meetingInformation, setInformation } from './information';
import { inviteOrganisation } from './invitations';
import { rescheduleMeeting, transitionMeeting } from './meeting-lifecycle';
import { listStatusRounds, receivedStatuses, reportStatus, statusRoundDueDate } from './status-round';
import { informationSchema, statusReportSchema } from './status-round-schemas';
import { outcome as code } from '@/lib/testing/outcome';
import { render } from '@/lib/errors';
import { caseIdsBySubjectName, organisationIdsByShortName } from '@/lib/testing/demo-ids';

// Friday 20 March 2026, 09:00 in Amsterdam: the clock of the demo data and of every call below.
const NOW = new Date('2026-03-20T08:00:00Z');

describe('the due date of a statusronde', () => {
  it('is the working day before the meeting, on the Amsterdam calendar', () => {
    // Monday 23 March 2026 → Friday 20 March.
    expect(statusRoundDueDate(new Date('2026-03-23T09:00:00Z'))).toBe('2026-03-20');
    // Monday 00:30 in Amsterdam is still Sunday in UTC: the meeting is on Monday, so still Friday.
    expect(statusRoundDueDate(new Date('2026-03-22T23:30:00Z'))).toBe('2026-03-20');
    // Wednesday → Tuesday.
    expect(statusRoundDueDate(new Date('2026-03-25T09:00:00Z'))).toBe('2026-03-24');
  });

  it('skips public holidays: a meeting on the Tuesday after Easter is due on the Thursday before Good Friday', () => {
    // Easter Monday 29 March 2027, Good Friday 26 March 2027 (a day off by default).
    expect(statusRoundDueDate(new Date('2027-03-30T08:00:00Z'))).toBe('2027-03-25');
    expect(statusRoundDueDate(new Date('2027-03-30T08:00:00Z'), { goodFriday: false })).toBe('2027-03-26');
    // Tuesday after Koningsdag (Tuesday 27 April 2027): Wednesday 28 April → Monday 26 April.
    expect(statusRoundDueDate(new Date('2027-04-28T08:00:00Z'))).toBe('2027-04-26');
  });
});

let handle: DbHandle;
let regisseur: Actor, ggz: Actor, politie: Actor, veiligthuis: Actor;
const org: Record<string, string> = {};
const caseOf: Record<string, string> = {};

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  ({ regisseur, ggz, politie, veiligthuis } = await signInAll('regisseur', 'ggz', 'politie', 'veiligthuis'));
  Object.assign(org, await organisationIdsByShortName(handle.db));
  Object.assign(caseOf, await caseIdsBySubjectName(handle.db));
});
afterAll(() => closeDb());

const openOf = async (caseName: string, owner: string) =>
  handle.db
    .select({ id: agreements.id, status: agreements.status })
    .from(agreements)
    .where(sql`${agreements.caseId} = ${caseOf[caseName]} and ${agreements.ownerOrganisationId} = ${org[owner]} and ${agreements.status} in ('open', 'in_uitvoering')`);

describe('a statusronde before the meeting', () => {
  let id: string;

  beforeAll(async () => {
    ({ id } = await createMeeting(regisseur, {
      title: 'Casusoverleg Noord',
      kind: 'casusoverleg',
      date: '2026-03-23',
      startTime: '10:00',
      endTime: '12:00',
      recurrence: 'geen',
      chairUserId: regisseur.userId,
      invitedOrganisationIds: [org.Politie!, org.Altrecht!, org['Gem. Utrecht']!],
      caseIds: [caseOf['Jan de Vries']!],
    }));
  });

  it('asks nothing while the meeting is a concept', async () => {
    expect(await listStatusRounds(ggz, NOW)).toEqual([]);
  });

  it('asks each invited partner with open agreements on the agenda, due the Friday before a Monday meeting', async () => {
    await transitionMeeting(regisseur, id, { action: 'plan', version: 1 }, NOW);
    const requests = await queryRows<{ organisation_id: string; due_date: string }>(
      handle.db,
      sql`select organisation_id, due_date::text from meeting_status_requests where meeting_id = ${id} order by organisation_id`,
    );
    // Politie and Altrecht own open agreements on Jan de Vries; the gemeente owns none; Veilig Thuis is not invited.
    expect(requests.map((r) => r.organisation_id).sort()).toEqual([org.Politie!, org.Altrecht!].sort());
    expect(new Set(requests.map((r) => r.due_date))).toEqual(new Set(['2026-03-20']));

    const [round] = await listStatusRounds(ggz, NOW);
    expect(round).toMatchObject({ meetingId: id, title: 'Casusoverleg Noord', dueDate: '2026-03-20', late: false });
    const ggzOpen = await openOf('Jan de Vries', 'Altrecht');
    expect(round!.agreements.map((a) => a.agreementId).sort()).toEqual(ggzOpen.map((a) => a.id).sort());
    expect(await listStatusRounds(veiligthuis, NOW)).toEqual([]);
    // The next Monday, the round is late.
    expect((await listStatusRounds(ggz, new Date('2026-03-23T07:00:00Z')))[0]!.late).toBe(true);
  });

  it('moves the due date when the meeting moves', async () => {
    await rescheduleMeeting(regisseur, id, { date: '2026-03-25', startTime: '10:00', endTime: '12:00', version: 2 }, NOW);
    expect((await listStatusRounds(politie, NOW))[0]!.dueDate).toBe('2026-03-24');
  });

  it('takes a status only from the owning partner, on agreements on the agenda, and shows it in the afsprakencheck', async () => {
    const [mine] = await openOf('Jan de Vries', 'Altrecht');
    const [police] = await openOf('Jan de Vries', 'Politie');
    expect(await code(reportStatus(ggz, id, { agreementId: police!.id, note: 'Niet van ons', asProgress: false }, NOW))).toBe('FORBIDDEN');
    const elsewhere = await handle.db
      .select({ id: agreements.id })
      .from(agreements)
      .where(sql`${agreements.ownerOrganisationId} = ${org.Altrecht} and ${agreements.caseId} <> ${caseOf['Jan de Vries']}`);
    if (elsewhere[0]) expect(await code(reportStatus(ggz, id, { agreementId: elsewhere[0].id, note: 'Elders', asProgress: false }, NOW))).toBe('NOT_FOUND');
    expect(await code(reportStatus(veiligthuis, id, { agreementId: mine!.id, note: 'Niet uitgenodigd', asProgress: false }, NOW))).toBe('NOT_FOUND');

    await reportStatus(ggz, id, { agreementId: mine!.id, note: 'Intake gepland op 24 maart.', asProgress: true }, NOW);
    const [after] = await handle.db.select({ status: agreements.status, last: agreements.lastProgressAt }).from(agreements).where(eq(agreements.id, mine!.id));
    expect(after).toEqual({ status: 'in_uitvoering', last: NOW });

    const [vt] = await openOf('Jan de Vries', 'Veilig Thuis');
    const received = await receivedStatuses(regisseur, id, [mine!.id, police!.id, vt!.id]);
    expect(received.get(mine!.id)).toMatchObject({ asked: true, latest: { note: 'Intake gepland op 24 maart.', organisationName: 'Altrecht GGZ', at: NOW } });
    expect(received.get(police!.id)).toEqual({ asked: true, latest: null });
    // Veilig Thuis is not invited: not asked, rather than silent.
    expect(received.get(vt!.id)).toEqual({ asked: false, latest: null });
    expect((await listStatusRounds(ggz, NOW))[0]!.agreements.find((a) => a.agreementId === mine!.id)?.reportedNote).toBe('Intake gepland op 24 maart.');
  });

  it('refuses malformed input with Dutch messages, before anything is written', () => {
    const bad = statusReportSchema.safeParse({ agreementId: 'x', note: 'a', extra: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => render(i.message))).toContain('Schrijf een korte status (minstens 3 tekens).');
    expect(informationSchema.safeParse({ organisationId: org.Politie, received: 'ja' }).success).toBe(false);
  });

  it('lets the regisseur record that an absent partner sent its information, for everyone invited to read', async () => {
    expect(await code(setInformation(ggz, id, { organisationId: org['Gem. Utrecht']!, received: true }, NOW))).toBe('FORBIDDEN');
    expect(await code(setInformation(regisseur, id, { organisationId: org['Veilig Thuis']!, received: true }, NOW))).toBe('VALIDATION');
    await setInformation(regisseur, id, { organisationId: org['Gem. Utrecht']!, received: true, note: 'Verslag wijkteam per mail' }, NOW);
    const seen = await meetingInformation(politie, id);
    expect(seen.find((i) => i.organisationId === org['Gem. Utrecht'])).toMatchObject({ receivedAt: NOW, note: 'Verslag wijkteam per mail' });
    expect(seen.find((i) => i.organisationId === org.Politie)?.receivedAt).toBeNull();
  });

  it('asks an organisation invited after planning too, with the same due date', async () => {
    await inviteOrganisation(regisseur, id, { organisationId: org['Veilig Thuis']! });
    const [round] = await listStatusRounds(veiligthuis, NOW);
    expect(round).toMatchObject({ meetingId: id, dueDate: '2026-03-24' });
    expect(round!.agreements.length).toBeGreaterThan(0);
  });
});
