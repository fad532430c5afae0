import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as feedRoute } from '@/app/api/v1/calendar/[userId]/[token]/route';
import { cases, meetings, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { readWithKhal, readWithPythonIcalendar } from '@/lib/testing/calendar-readers';
import { signInAs } from '@/lib/testing/actors';
import { invitationFile, personalFeed, personalFeedPath } from './calendar-files';
import { createMeeting } from './create-meeting';
import { inviteOrganisation } from './invitations';
import { transitionMeeting } from './meeting-lifecycle';

// One clock for the demo data, the changes and the files; the real date plays no part.
const NOW = new Date('2026-11-20T14:00:00Z');
const PLANNED_AT = new Date('2026-11-18T09:15:00Z');
const BASE = 'https://casusregie.example';

let handle: DbHandle;
let regisseur: Actor, politie: Actor, ggz: Actor, manager: Actor;
let planned: { id: string };
let winter: string, summer: string;
let subject: { name: string; number: string };

async function addProfessional(organisationId: string, email: string, active = true) {
  await handle.db.insert(users).values({ organisationId, email, name: email.split('@')[0]!, role: 'professional', passwordHash: 'x', active });
}

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  regisseur = await signInAs('regisseur@example.org');
  politie = await signInAs('politie@example.org');
  ggz = await signInAs('ggz@example.org');
  manager = await signInAs('manager@example.org');
  planned = (await handle.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.status, 'gepland')))[0]!;
  await addProfessional(politie.organisationId, 'politie2@example.org');
  await addProfessional(politie.organisationId, 'politie-oud@example.org', false);
  await addProfessional(ggz.organisationId, 'ggz2@example.org');
  const [onAgenda] = await handle.db.select({ id: cases.id, name: cases.subjectName, number: cases.number }).from(cases).limit(1);
  subject = { name: onAgenda!.name, number: onAgenda!.number };
  const base = { title: 'Casusoverleg Utrecht-Noord', kind: 'casusoverleg' as const, startTime: '10:00', endTime: '12:00', recurrence: 'geen' as const };
  const common = { chairUserId: regisseur.userId, invitedOrganisationIds: [politie.organisationId], caseIds: [onAgenda!.id] };
  winter = (await createMeeting(regisseur, { ...base, ...common, date: '2026-12-14' })).id;
  summer = (await createMeeting(regisseur, { ...base, ...common, date: '2027-07-05' })).id;
  await inviteOrganisation(regisseur, winter, { organisationId: ggz.organisationId, userId: ggz.userId });
  await transitionMeeting(regisseur, winter, { action: 'plan', version: 1 }, PLANNED_AT);
});
afterAll(() => closeDb());

describe('calendar files', () => {
  it('give an invited partner the invitation, with the chair as organiser and a link back', async () => {
    const file = await invitationFile(politie, planned.id, BASE, NOW);
    expect(file.filename).toMatch(/^overleg-\d{4}-\d{2}-\d{2}\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(file.body));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${planned.id}@casusregie`);
    expect(event.organizer).toBe('mailto:regisseur@example.org');
    expect(vevent.getFirstPropertyValue('url')).toBe(`${BASE}/meetings/${planned.id}`);
  });

  it('name the invitees as attendees: everyone of an invited organisation, or the one person it was invited through', async () => {
    const file = await invitationFile(politie, winter, BASE, NOW);
    expect(file.filename).toBe('overleg-2026-12-14.ics');
    const [calendar] = readWithPythonIcalendar([file.body]);
    const [event] = calendar!.events;
    expect(event).toMatchObject({ start: '2026-12-14 10:00', end: '2026-12-14 12:00', status: 'CONFIRMED', organiser: 'regisseur@example.org' });
    expect(event!.attendees!.toSorted()).toEqual(['ggz@example.org', 'politie2@example.org', 'politie@example.org']);
    expect(calendar!.stamps[`${winter}@casusregie`]).toMatchObject({ dtstamp: '2026-11-20T14:00:00Z', lastModified: '2026-11-18T09:15:00Z' });
    // Calendars sync to places the house does not control: nothing about the case on the agenda.
    expect(file.body).not.toContain(subject.name);
    expect(file.body).not.toContain(subject.number);
  });

  it('show a concept to the regisseur as tentative, and not at all to partners', async () => {
    const file = await invitationFile(regisseur, summer, BASE, NOW);
    const [event] = readWithKhal(file.body);
    expect(event).toMatchObject({ start: '2027-07-05 10:00', end: '2027-07-05 12:00', status: 'TENTATIVE' });
    await expect(invitationFile(politie, summer, BASE, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' } satisfies Partial<AppError>);
  });

  it('answer 404 to someone who may not read the meeting', async () => {
    await expect(invitationFile(manager, planned.id, BASE, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' } satisfies Partial<AppError>);
    await expect(invitationFile(politie, 'not-a-uuid', BASE, NOW)).rejects.toBeInstanceOf(AppError);
  });

  it('serve the personal feed at the path shown to its owner, and nothing with another token', async () => {
    const path = await personalFeedPath(politie);
    const [, userId, token] = path.match(/^\/api\/v1\/calendar\/([0-9a-f-]{36})\/([\w-]+)\.ics$/)!;
    expect(userId).toBe(politie.userId);
    const feed = await personalFeed(userId!, token!, BASE, NOW);
    expect(feed).toContain(`UID:${planned.id}@casusregie`);
    expect(new ICAL.Component(ICAL.parse(feed!)).getFirstPropertyValue('method')).toBe('PUBLISH');
    const other = (await personalFeedPath(regisseur)).split('/').at(-1)!.replace('.ics', '');
    expect(await personalFeed(politie.userId, other, BASE, NOW)).toBeNull();
  });

  it('publish the feed with an organiser on every meeting, no attendees, and the times the app shows', async () => {
    const [, userId, token] = (await personalFeedPath(politie)).match(/calendar\/([^/]+)\/([^/]+)\.ics$/)!;
    const [calendar] = readWithPythonIcalendar([(await personalFeed(userId!, token!, BASE, NOW))!]);
    expect(calendar!.events.length).toBeGreaterThan(1);
    expect(calendar!.events.every((e) => e.organiser && e.attendees!.length === 0)).toBe(true);
    expect(calendar!.events.find((e) => e.uid === `${winter}@casusregie`)).toMatchObject({ start: '2026-12-14 10:00', end: '2026-12-14 12:00' });
    expect(calendar!.events.some((e) => e.uid === `${summer}@casusregie`)).toBe(false);
  });

  it('link the feed to the app, not to a host named in X-Forwarded-Host without a trusted proxy', async () => {
    const [, userId, token] = (await personalFeedPath(politie)).match(/calendar\/([^/]+)\/([^/]+\.ics)$/)!;
    const request = new Request(`http://127.0.0.1:3000/api/v1/calendar/${userId}/${token}`, {
      headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    });
    // The route reads the clock itself (the feed's window and DTSTAMP): freeze only Date, at the test's NOW.
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const response = await feedRoute(request, { params: Promise.resolve({ userId: userId!, token: token! }) }).finally(() => vi.useRealTimers());
    expect(response.status).toBe(200);
    const body = (await response.text()).replaceAll('\r\n ', '');
    const origin = env().NEXTAUTH_URL ? new URL(env().NEXTAUTH_URL!).origin : 'http://127.0.0.1:3000';
    expect(body).toContain(`URL;VALUE=URI:${origin}/meetings/${winter}`);
    expect(body).not.toContain('evil.example');
  });
});
