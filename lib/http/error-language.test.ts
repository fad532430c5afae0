// First: it sets up the request scopes Next's modules expect before any of them loads.
import { callRoute, signedInBrowser } from '@/lib/testing/next-request';
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, meetings, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { toErrorResponse } from './respond';

process.env.AUTH_SECRET ??= 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/*
 * The same bad request, answered in the reader's language: Dutch unless asked, English when the request
 * asks for it (Accept-Language) or when the signed-in user chose English in their settings.
 */

const NOW = new Date('2026-03-10T10:00:00+01:00');
const ORIGIN = 'http://localhost:3000';

let handle: DbHandle;
let dutchUser: string;
let englishUser: string;
let caseId: string;
let version: number;

type Reader = { cookie?: string; language?: string };
const asDutchDefault = (): Reader => ({ cookie: dutchUser });
const askingEnglish = (): Reader => ({ cookie: dutchUser, language: 'en-GB,en;q=0.9,nl;q=0.5' });
const englishSetting = (): Reader => ({ cookie: englishUser });

const headers = (reader: Reader, extra: Record<string, string> = {}) => ({
  ...(reader.cookie ? { cookie: reader.cookie } : {}),
  ...(reader.language ? { 'accept-language': reader.language } : {}),
  origin: ORIGIN,
  host: 'localhost:3000',
  ...extra,
});

const patchCase = (reader: Reader, body: unknown, extra: Record<string, string> = {}) =>
  callRoute(
    '/api/v1/cases/{id}',
    new Request(`${ORIGIN}/api/v1/cases/${caseId}`, {
      method: 'PATCH',
      headers: headers(reader, { 'content-type': 'application/json', ...extra }),
      body: JSON.stringify(body),
    }),
    { id: caseId },
  );

const getCase = (reader: Reader, id: string) =>
  callRoute('/api/v1/cases/{id}', new Request(`${ORIGIN}/api/v1/cases/${id}`, { headers: headers(reader) }), { id });

async function answer(response: Promise<Response>): Promise<{ status: number; body: { error: string; fieldErrors?: Record<string, string[]> } }> {
  const res = await response;
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  await handle.db.update(users).set({ locale: 'en' }).where(eq(users.email, 'regisseur2@example.org'));
  dutchUser = (await signedInBrowser('regisseur@example.org')).cookie;
  englishUser = (await signedInBrowser('regisseur2@example.org')).cookie;
  const [row] = await handle.db.select({ id: cases.id, version: cases.version }).from(cases).where(eq(cases.status, 'actief')).orderBy(asc(cases.number)).limit(1);
  caseId = row!.id;
  version = row!.version;
});
afterAll(() => closeDb());

describe('a 422 with field errors', () => {
  // An empty goal (our own message, with its label) and a number for a text (zod's own message).
  const bad = () => ({ goal: '', involvedPartners: 5, version });

  it('is Dutch by default', async () => {
    const { status, body } = await answer(patchCase(asDutchDefault(), bad()));
    expect(status).toBe(422);
    expect(body.error).toBe('Controleer de gemarkeerde velden.');
    expect(body.fieldErrors!.goal).toEqual(['Vul het doel in.']);
    expect(body.fieldErrors!.involvedPartners).toEqual(['Ongeldige invoer: verwacht string, ontving getal']);
  });

  it('is English when the request asks for English, and when the user chose English', async () => {
    for (const reader of [askingEnglish(), englishSetting()]) {
      const { status, body } = await answer(patchCase(reader, bad()));
      expect(status).toBe(422);
      expect(body).toEqual({
        error: 'Check the highlighted fields.',
        fieldErrors: { goal: ['Enter the goal.'], involvedPartners: ['Invalid input: expected string, received number'] },
      });
    }
  });

  it('an unknown field is named in the reader language too', async () => {
    const { body } = await answer(patchCase(askingEnglish(), { colour: 'red', version }));
    expect(body.fieldErrors).toEqual({ colour: ['Unknown field.'] });
  });

  it('a request that asks for Dutch gets Dutch, whatever the user chose', async () => {
    const { body } = await answer(patchCase({ cookie: englishUser, language: 'nl' }, bad()));
    expect(body.fieldErrors!.goal).toEqual(['Vul het doel in.']);
  });

  it('a language the app does not speak falls back to the setting, then Dutch', async () => {
    expect((await answer(patchCase({ cookie: dutchUser, language: 'de-DE,fr;q=0.8' }, bad()))).body.error).toBe('Controleer de gemarkeerde velden.');
    expect((await answer(patchCase({ cookie: englishUser, language: 'de-DE' }, bad()))).body.error).toBe('Check the highlighted fields.');
  });
});

describe('404, 409, 403 and 401', () => {
  it('a case that is not there', async () => {
    const missing = randomUUID();
    expect(await answer(getCase(asDutchDefault(), missing))).toEqual({ status: 404, body: { error: 'Casus niet gevonden.' } });
    expect(await answer(getCase(askingEnglish(), missing))).toEqual({ status: 404, body: { error: 'Case not found.' } });
    expect(await answer(getCase(englishSetting(), missing))).toEqual({ status: 404, body: { error: 'Case not found.' } });
  });

  it('an edit on a version someone else has changed', async () => {
    const stale = { goal: 'Een woning binnen drie maanden.', version: version + 7 };
    expect(await answer(patchCase(asDutchDefault(), stale))).toEqual({
      status: 409,
      body: { error: 'Iemand anders heeft dit intussen gewijzigd. Herlaad de pagina en probeer het opnieuw.' },
    });
    expect(await answer(patchCase(englishSetting(), stale))).toEqual({
      status: 409,
      body: { error: 'Someone else has changed this in the meantime. Reload the page and try again.' },
    });
  });

  it('a change sent from another website', async () => {
    const forged = { origin: 'https://evil.example' };
    expect(await answer(patchCase(asDutchDefault(), { version }, forged))).toEqual({ status: 403, body: { error: 'Verzoek van een andere website geweigerd.' } });
    expect(await answer(patchCase(askingEnglish(), { version }, forged))).toEqual({ status: 403, body: { error: 'Request from another website refused.' } });
  });

  it('a request without a session', async () => {
    expect(await answer(getCase({}, caseId))).toEqual({ status: 401, body: { error: 'Je bent niet (meer) aangemeld.' } });
    expect(await answer(getCase({ language: 'en' }, caseId))).toEqual({ status: 401, body: { error: 'You are not signed in (any more).' } });
  });
});

describe('a status change the current status does not allow', () => {
  const postTransition = (reader: Reader, kind: 'cases' | 'meetings', id: string, body: unknown) =>
    callRoute(
      `/api/v1/${kind}/{id}/transitions`,
      new Request(`${ORIGIN}/api/v1/${kind}/${id}/transitions`, {
        method: 'POST',
        headers: headers(reader, { 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      }),
      { id },
    );

  it('of a case names the step and the status in the reader language', async () => {
    const startTriage = { action: 'start_triage', version };
    expect(await answer(postTransition(asDutchDefault(), 'cases', caseId, startTriage))).toMatchObject({
      status: 422,
      body: { error: 'De triage starten kan niet: de casus is actief.', fieldErrors: { action: ['De triage starten kan niet: de casus is actief.'] } },
    });
    expect(await answer(postTransition(englishSetting(), 'cases', caseId, startTriage))).toMatchObject({
      status: 422,
      body: { error: 'Starting triage is not possible: the case is active.', fieldErrors: { action: ['Starting triage is not possible: the case is active.'] } },
    });
  });

  it('of a meeting names its status in the reader language', async () => {
    const [meeting] = await handle.db.select({ id: meetings.id, version: meetings.version }).from(meetings).where(eq(meetings.status, 'afgerond')).limit(1);
    const finish = { action: 'finish', version: meeting!.version };
    expect(await answer(postTransition(asDutchDefault(), 'meetings', meeting!.id, finish))).toMatchObject({
      status: 422,
      body: { error: 'Dit kan niet: het overleg is afgerond.' },
    });
    expect(await answer(postTransition(askingEnglish(), 'meetings', meeting!.id, finish))).toMatchObject({
      status: 422,
      body: { error: 'This is not possible: the meeting is finished.' },
    });
  });
});

describe('a database that is away', () => {
  it('is answered with 503 in the reader language', async () => {
    const fault = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const dutch = toErrorResponse(fault, 'nl');
    const english = toErrorResponse(fault, 'en');
    expect([dutch.status, english.status]).toEqual([503, 503]);
    expect((await dutch.json()).error).toBe('De database is even niet bereikbaar of te druk. Probeer het over enkele seconden opnieuw.');
    expect((await english.json()).error).toBe('The database is briefly unreachable or too busy. Please try again in a few seconds.');
  });
});
