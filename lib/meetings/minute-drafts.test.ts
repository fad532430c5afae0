// First: it sets up the request scopes Next's modules expect before any of them loads.
import { callRoute, signedInBrowser } from '@/lib/testing/next-request';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minuteDrafts } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { signInAs } from '@/lib/testing/actors';
import { recordAgendaItem } from './agenda';
import { createMeeting } from './create-meeting';
import { getMeeting } from './get-meeting';
import { transitionMeeting } from './meeting-lifecycle';
import { discardDraft, getDraft, saveDraft } from './minute-drafts';
import { outcome as code } from '@/lib/testing/outcome';
import { caseIdsBySubjectName, organisationIdsByShortName } from '@/lib/testing/demo-ids';

process.env.AUTH_SECRET ??= 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

const NOW = new Date('2026-03-04T10:00:00+01:00');
const ORIGIN = 'http://localhost:3000';

let handle: DbHandle;
let regisseur: Actor, regisseur2: Actor, politie: Actor;
let cookie: string, politieCookie: string;
let meetingId: string, itemId: string, otherItemId: string, itemVersion: number;

const drafts = async () => (await handle.db.select({ n: count() }).from(minuteDrafts))[0]!.n;
const draftUrl = (item = itemId) => `${ORIGIN}/api/v1/meetings/${meetingId}/items/${item}/draft`;
const draftRoute = (body: string, who = cookie, item = itemId) =>
  callRoute('/api/v1/meetings/{id}/items/{itemId}/draft', new Request(draftUrl(item), {
    method: 'PUT',
    headers: { cookie: who, origin: ORIGIN, host: 'localhost:3000', 'content-type': 'application/json' },
    body,
  }), { id: meetingId, itemId: item });

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  ({ actor: regisseur, cookie } = await signedInBrowser('regisseur@example.org'));
  regisseur2 = await signInAs('regisseur2@example.org');
  ({ actor: politie, cookie: politieCookie } = await signedInBrowser('politie@example.org'));
  const org: Record<string, string> = {};
  Object.assign(org, await organisationIdsByShortName(handle.db));
  const caseOf: Record<string, string> = {};
  Object.assign(caseOf, await caseIdsBySubjectName(handle.db));
  ({ id: meetingId } = await createMeeting(regisseur, {
    title: 'Casusoverleg Utrecht-Noord',
    kind: 'casusoverleg',
    date: '2026-03-04',
    startTime: '09:00',
    endTime: '12:00',
    recurrence: 'geen',
    chairUserId: regisseur.userId,
    minuteTakerUserId: regisseur2.userId,
    invitedOrganisationIds: [org.Politie!],
    caseIds: [caseOf['Jan de Vries']!, caseOf['Sem Bakker']!],
  }));
  await transitionMeeting(regisseur, meetingId, { action: 'plan', version: 1 });
  const agenda = (await getMeeting(regisseur, meetingId)).agenda;
  itemId = agenda[0]!.id;
  otherItemId = agenda[1]!.id;
  itemVersion = agenda[0]!.version!;
});
afterAll(() => closeDb());

describe('minute drafts', () => {
  it('are kept only while the meeting runs', async () => {
    const input = { minutes: 'Vooraf', outcome: '', baseVersion: itemVersion, version: null };
    expect(await code(saveDraft(regisseur, meetingId, itemId, input, NOW))).toBe('VALIDATION');
    await transitionMeeting(regisseur, meetingId, { action: 'start', version: 2 }, NOW);
    expect(await drafts()).toBe(0);
  });

  it('are versioned per author: a stale tab gets 409, another author keeps a draft of their own', async () => {
    const first = await saveDraft(regisseur, meetingId, itemId, { minutes: 'Huisverbod ', outcome: '', baseVersion: itemVersion, version: null }, NOW);
    expect(first).toMatchObject({ version: 1, minutes: 'Huisverbod ', baseVersion: itemVersion, updatedAt: NOW.toISOString() });
    const second = await saveDraft(regisseur, meetingId, itemId, { minutes: 'Huisverbod loopt af', outcome: 'Evaluatie', baseVersion: itemVersion, version: 1 }, NOW);
    expect(second.version).toBe(2);
    // A second tab that still holds version 1, or that thinks there is no draft yet, overwrites nothing.
    expect(await code(saveDraft(regisseur, meetingId, itemId, { minutes: 'oud', outcome: '', baseVersion: itemVersion, version: 1 }, NOW))).toBe('CONFLICT');
    expect(await code(saveDraft(regisseur, meetingId, itemId, { minutes: 'oud', outcome: '', baseVersion: itemVersion, version: null }, NOW))).toBe('CONFLICT');
    expect(await getDraft(regisseur, meetingId, itemId)).toMatchObject({ minutes: 'Huisverbod loopt af', outcome: 'Evaluatie', version: 2 });

    // The other note-taker sees nothing of it and writes a draft of their own.
    expect(await getDraft(regisseur2, meetingId, itemId)).toBeNull();
    await saveDraft(regisseur2, meetingId, itemId, { minutes: 'GGZ zoekt voorrang', outcome: '', baseVersion: itemVersion, version: null }, NOW);
    expect(await getDraft(regisseur, meetingId, itemId)).toMatchObject({ minutes: 'Huisverbod loopt af' });
    expect(await drafts()).toBe(2);
  });

  it('never overwrite silently: the second note-taker to save gets 409 and the draft survives for the merge', async () => {
    const saved = await recordAgendaItem(regisseur, meetingId, itemId, { minutes: 'Huisverbod loopt af', outcome: 'Evaluatie', version: itemVersion });
    expect(saved.version).toBe(itemVersion + 1);
    // The author's draft did its work; the other author's is untouched.
    expect(await getDraft(regisseur, meetingId, itemId)).toBeNull();
    expect(await getDraft(regisseur2, meetingId, itemId)).toMatchObject({ minutes: 'GGZ zoekt voorrang', baseVersion: itemVersion });

    expect(await code(recordAgendaItem(regisseur2, meetingId, itemId, { minutes: 'GGZ zoekt voorrang', outcome: '', version: itemVersion }))).toBe('CONFLICT');
    expect((await getMeeting(regisseur, meetingId)).agenda[0]).toMatchObject({ minutes: 'Huisverbod loopt af', outcome: 'Evaluatie' });
    expect(await getDraft(regisseur2, meetingId, itemId)).toMatchObject({ minutes: 'GGZ zoekt voorrang' });

    // Merged with the version it now read, the save goes through.
    await recordAgendaItem(regisseur2, meetingId, itemId, { minutes: 'Huisverbod loopt af\n\nGGZ zoekt voorrang', version: saved.version });
    expect((await getMeeting(regisseur, meetingId)).agenda[0]).toMatchObject({ minutes: 'Huisverbod loopt af\n\nGGZ zoekt voorrang' });
    expect(await drafts()).toBe(0);
  });

  it('are the author\u2019s alone: a professional, an unknown item or an item of another meeting is a 404', async () => {
    const input = { minutes: 'x', outcome: '', baseVersion: 1, version: null };
    expect(await code(saveDraft(politie, meetingId, itemId, input, NOW))).toBe('NOT_FOUND');
    expect(await code(getDraft(politie, meetingId, itemId))).toBe('NOT_FOUND');
    expect(await code(saveDraft(regisseur, meetingId, crypto.randomUUID(), input, NOW))).toBe('NOT_FOUND');
    expect(await code(saveDraft(regisseur, meetingId, 'item-1', input, NOW))).toBe('NOT_FOUND');
    expect(await code(saveDraft(regisseur, crypto.randomUUID(), itemId, input, NOW))).toBe('NOT_FOUND');
    expect(await code(discardDraft(politie, meetingId, itemId))).toBe('NOT_FOUND');
    const response = await draftRoute(JSON.stringify(input), politieCookie);
    expect(response.status).toBe(404);
    expect(await drafts()).toBe(0);
  });

  it('answer 422 to a malformed draft through the API, and write nothing', async () => {
    const good = { minutes: 'Stand van zaken', outcome: '', baseVersion: 1, version: null };
    for (const body of [
      { ...good, minutes: 42 },
      { ...good, version: '1' },
      { ...good, baseVersion: 0 },
      { ...good, minutes: 'x'.repeat(20001) },
      { ...good, outcome: 'a\u0000b' },
      { ...good, author: regisseur2.userId },
      { minutes: 'zonder versie' },
    ]) {
      const response = await draftRoute(JSON.stringify(body), cookie, otherItemId);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(await response.json()).toMatchObject({ error: expect.any(String), fieldErrors: expect.any(Object) });
    }
    expect(await drafts()).toBe(0);
    const ok = await draftRoute(JSON.stringify(good), cookie, otherItemId);
    expect(ok.status).toBe(200);
    expect((await ok.json()).draft).toMatchObject({ minutes: 'Stand van zaken', version: 1 });
    const rows = await handle.db.select().from(minuteDrafts).where(eq(minuteDrafts.agendaItemId, otherItemId));
    expect(rows.map((r) => r.userId)).toEqual([regisseur.userId]);
  });

  it('answer 409 with the saved text when the final save meets a newer version, through the API', async () => {
    const stale = { minutes: 'Mijn versie', outcome: '', version: 1 };
    const response = await callRoute('/api/v1/meetings/{id}/items/{itemId}', new Request(`${ORIGIN}/api/v1/meetings/${meetingId}/items/${itemId}`, {
      method: 'PATCH',
      headers: { cookie, origin: ORIGIN, host: 'localhost:3000', 'content-type': 'application/json' },
      body: JSON.stringify(stale),
    }), { id: meetingId, itemId });
    expect(response.status).toBe(409);
    expect((await response.json()).current).toMatchObject({ minutes: 'Huisverbod loopt af\n\nGGZ zoekt voorrang', version: itemVersion + 2 });
  });
});
