import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { signInAs } from '@/lib/testing/actors';
import { createMeeting } from './create-meeting';
import { listMeetings } from './list-meetings';
import { transitionMeeting } from './meeting-lifecycle';
import { amsterdamParts } from './time';

let handle: DbHandle;
let regisseur: Actor, politie: Actor, manager: Actor;
const HOUR = 3600 * 1000;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  regisseur = await signInAs('regisseur@example.org');
  politie = await signInAs('politie@example.org');
  manager = await signInAs('manager@example.org');
});
afterAll(() => closeDb());

/** A one-hour meeting that ended `hoursAgo` hours before `now` (on whole minutes), invited to the police. */
async function meetingEnded(title: string, now: Date, hoursAgo: number) {
  const end = new Date(Math.floor((now.getTime() - hoursAgo * HOUR) / 60_000) * 60_000);
  const start = amsterdamParts(new Date(end.getTime() - HOUR));
  const orgs = await handle.db.select({ id: organisations.id, shortName: organisations.shortName }).from(organisations);
  const { id } = await createMeeting(regisseur, {
    title,
    kind: 'casusoverleg',
    date: start.date,
    startTime: start.time,
    endTime: amsterdamParts(end).time,
    chairUserId: regisseur.userId,
    recurrence: 'geen',
    invitedOrganisationIds: [orgs.find((o) => o.shortName === 'Politie')!.id],
    caseIds: [],
  });
  return id;
}

describe('the meeting lists', () => {
  it('keep a meeting of this morning not yet held among the upcoming ones, and in one list only', async () => {
    // Noon in Amsterdam: neither test meeting spans midnight.
    const now = new Date('2026-06-10T10:00:00Z');
    const recent = await meetingEnded('Net afgelopen', now, 2);
    const older = await meetingEnded('Eerder afgelopen', now, 13);
    const upcoming = (await listMeetings(regisseur, 'upcoming', now)).map((m) => m.id);
    const past = (await listMeetings(regisseur, 'past', now)).map((m) => m.id);
    expect(upcoming).toContain(recent);
    expect(past).not.toContain(recent);
    expect(past).toContain(older);
    expect(upcoming).not.toContain(older);
  });

  it('list a finished or cancelled meeting among the past ones at once, and a running one as upcoming', async () => {
    const now = new Date('2026-06-10T10:00:00Z');
    const finished = await meetingEnded('Vanochtend afgerond', now, 1);
    const cancelled = await meetingEnded('Vanmiddag, afgezegd', now, -4);
    const running = await meetingEnded('Loopt uit', now, 14);
    await transitionMeeting(regisseur, finished, { action: 'plan', version: 1 }, now);
    await transitionMeeting(regisseur, finished, { action: 'start', version: 2, confirmEarly: true }, now);
    await transitionMeeting(regisseur, finished, { action: 'finish', version: 3 }, now);
    await transitionMeeting(regisseur, cancelled, { action: 'cancel', version: 1, reason: 'Voorzitter ziek.' }, now);
    await transitionMeeting(regisseur, running, { action: 'plan', version: 1 }, now);
    await transitionMeeting(regisseur, running, { action: 'start', version: 2, confirmEarly: true }, now);
    const upcoming = (await listMeetings(regisseur, 'upcoming', now)).map((m) => m.id);
    const past = (await listMeetings(regisseur, 'past', now)).map((m) => m.id);
    expect(upcoming).not.toContain(finished);
    expect(upcoming).not.toContain(cancelled);
    expect(past).toEqual(expect.arrayContaining([finished, cancelled]));
    expect(upcoming).toContain(running);
    expect(past).not.toContain(running);
  });

  it('count the agenda items of each meeting', async () => {
    const upcoming = await listMeetings(regisseur, 'upcoming');
    // The demo's planned casusoverleg of next week has three cases on its agenda, the triage concept none.
    expect(upcoming.find((m) => m.status === 'gepland' && m.title === 'Casusoverleg ZVH Utrecht')?.items).toBe(3);
    expect(upcoming.find((m) => m.kind === 'triage_overleg')?.items).toBe(0);
    const seen = await listMeetings(politie, 'past');
    expect(seen.find((m) => m.title === 'Casusoverleg ZVH Utrecht')?.items).toBe(3);
  });

  it('show a professional only planned meetings of their organisation, and refuse managers', async () => {
    const now = new Date('2026-06-10T10:00:00Z');
    const concept = await meetingEnded('Nog concept', now, -24);
    const planned = await meetingEnded('Gepland', now, -48);
    await transitionMeeting(regisseur, planned, { action: 'plan', version: 1 });
    const seen = (await listMeetings(politie, 'upcoming', now)).map((m) => m.id);
    expect(seen).toContain(planned);
    expect(seen).not.toContain(concept);
    await expect(listMeetings(manager, 'upcoming', now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
