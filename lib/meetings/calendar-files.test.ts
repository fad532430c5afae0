import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { AppError } from '@/lib/http/errors';
import { signInAs } from '@/lib/testing/actors';
import { invitationFile, personalFeed, personalFeedPath } from './calendar-files';

let handle: DbHandle;
let regisseur: Actor, politie: Actor, manager: Actor;
let planned: { id: string };
const BASE = 'https://casusregie.example';

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  regisseur = await signInAs('regisseur@example.org');
  politie = await signInAs('politie@example.org');
  manager = await signInAs('manager@example.org');
  planned = (await handle.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.status, 'gepland')))[0]!;
});
afterAll(() => closeDb());

describe('calendar files', () => {
  it('give an invited partner the invitation, with the chair as organiser and a link back', async () => {
    const file = await invitationFile(politie, planned.id, BASE);
    expect(file.filename).toMatch(/^overleg-\d{4}-\d{2}-\d{2}\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(file.body));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${planned.id}@casusregie`);
    expect(event.organizer).toBe('mailto:regisseur@example.org');
    expect(vevent.getFirstPropertyValue('url')).toBe(`${BASE}/meetings/${planned.id}`);
  });

  it('answer 404 to someone who may not read the meeting', async () => {
    await expect(invitationFile(manager, planned.id, BASE)).rejects.toMatchObject({ code: 'NOT_FOUND' } satisfies Partial<AppError>);
    await expect(invitationFile(politie, 'not-a-uuid', BASE)).rejects.toBeInstanceOf(AppError);
  });

  it('serve the personal feed at the path shown to its owner, and nothing with another token', async () => {
    const path = await personalFeedPath(politie);
    const [, userId, token] = path.match(/^\/api\/v1\/calendar\/([0-9a-f-]{36})\/([\w-]+)\.ics$/)!;
    expect(userId).toBe(politie.userId);
    const feed = await personalFeed(userId!, token!, BASE);
    expect(feed).toContain(`UID:${planned.id}@casusregie`);
    expect(new ICAL.Component(ICAL.parse(feed!)).getFirstPropertyValue('method')).toBe('PUBLISH');
    const other = (await personalFeedPath(regisseur)).split('/').at(-1)!.replace('.ics', '');
    expect(await personalFeed(politie.userId, other, BASE)).toBeNull();
  });
});
