// First: it sets up the request scopes Next's modules expect before any of them loads.
import { inRequestScope, signedInBrowser } from '@/lib/testing/next-request';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createReferralAction, transitionAction, updateCaseAction } from '@/app/(app)/cases/actions';
import { cases } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { handleForm } from './action-state';

process.env.AUTH_SECRET ??= 'test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/* A form answers in the language of the page it was sent from: the locale cookie the language switch sets. */

const NOW = new Date('2026-03-10T10:00:00+01:00');
const ORIGIN = 'http://localhost:3000';

let handle: DbHandle;
let session: string;
let caseId: string;
let version: number;

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

/** Runs a server action as Next does, for a browser with this session and, if given, this page language. */
const inBrowser = <T>(language: 'nl' | 'en' | undefined, action: () => Promise<T>) =>
  inRequestScope(
    new Request(`${ORIGIN}/cases`, {
      method: 'POST',
      headers: { cookie: language ? `${session}; ${LOCALE_COOKIE}=${language}` : session, origin: ORIGIN, host: 'localhost:3000' },
    }),
    action,
  );

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  session = (await signedInBrowser('regisseur@example.org')).cookie;
  const [row] = await handle.db.select({ id: cases.id, version: cases.version }).from(cases).where(eq(cases.status, 'actief')).orderBy(asc(cases.number)).limit(1);
  caseId = row!.id;
  version = row!.version;
});
afterAll(() => closeDb());

describe('a form sent back with errors', () => {
  const emptyReferral = () => form({ reason: 'Zorgen over de woonsituatie.', goal: '' });

  it('is Dutch on a Dutch page and without a language chosen', async () => {
    for (const language of [undefined, 'nl'] as const) {
      const state = await inBrowser(language, () => createReferralAction(null, emptyReferral()));
      expect(state.ok).toBe(false);
      expect(state.message).toBe('Controleer de gemarkeerde velden.');
      expect(state.fieldErrors).toMatchObject({ 'subject.name': ['Vul de naam van de betrokkene in.'], goal: ['Vul het doel van de aanmelding in.'] });
    }
  });

  it('is English on an English page: the summary, our own field messages and zod’s', async () => {
    const state = await inBrowser('en', () => createReferralAction(null, emptyReferral()));
    expect(state.ok).toBe(false);
    expect(state.message).toBe('Check the highlighted fields.');
    expect(state.fieldErrors).toMatchObject({
      'subject.name': ['Enter the name of the person concerned.'],
      'subject.birthDate': ['Enter the date of birth.'],
      municipalityCode: ['Choose a municipality.'],
      goal: ['Enter the goal of the referral.'],
      'criteria.household': ['Answer this criterion with yes or no.'],
    });
    expect(state.values).toMatchObject({ reason: 'Zorgen over de woonsituatie.' });
  });

  it('a refusal of the domain (someone else saved first) is English on an English page', async () => {
    const stale = () => form({ caseId, goal: 'Een woning binnen drie maanden.', version: String(version + 7) });
    expect((await inBrowser('en', () => updateCaseAction(null, stale()))).message).toBe(
      'Someone else has changed this in the meantime. Reload the page and try again.',
    );
    expect((await inBrowser('nl', () => updateCaseAction(null, stale()))).message).toBe(
      'Iemand anders heeft dit intussen gewijzigd. Herlaad de pagina en probeer het opnieuw.',
    );
  });
});

describe('a status change the current status does not allow', () => {
  const startTriage = () => form({ caseId, action: 'start_triage', version: String(version) });

  it('names the step and the status in the language of the page', async () => {
    const english = await inBrowser('en', () => transitionAction(null, startTriage()));
    expect(english.message).toBe('Starting triage is not possible: the case is active.');
    expect(english.fieldErrors).toEqual({ action: ['Starting triage is not possible: the case is active.'] });
    expect((await inBrowser('nl', () => transitionAction(null, startTriage()))).message).toBe('De triage starten kan niet: de casus is actief.');
  });
});

describe('what a form answers when the fault is not the reader’s', () => {
  const withoutSession = (language: 'nl' | 'en') =>
    inRequestScope(
      new Request(`${ORIGIN}/cases`, { method: 'POST', headers: { cookie: `${LOCALE_COOKIE}=${language}`, origin: ORIGIN, host: 'localhost:3000' } }),
      () => updateCaseAction(null, form({ caseId, goal: 'Een woning.', version: String(version) })),
    );
  const failing = (language: 'nl' | 'en', error: Error) =>
    inBrowser(language, () => handleForm(form({ goal: 'Een woning.' }), z.object({ goal: z.string() }), () => Promise.reject(error)));

  it('a browser signed out gets the message in the language of the page', async () => {
    expect((await withoutSession('en')).message).toBe('You are not signed in (any more).');
    expect((await withoutSession('nl')).message).toBe('Je bent niet (meer) aangemeld.');
  });

  it('a database that is away, and an unexpected error, are told in the language of the page with a reference', async () => {
    const fault = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const away = (await failing('en', fault)).state;
    expect(away.message).toMatch(/^The database is briefly unreachable or too busy\. Please try again in a few seconds\. What you entered is still in the form \(reference [0-9a-f-]{36}\)\.$/);
    expect(away.values).toEqual({ goal: 'Een woning.' });
    expect((await failing('nl', fault)).state.message).toMatch(/^De database is even niet bereikbaar of te druk\. .* \(referentie [0-9a-f-]{36}\)\.$/);
    expect((await failing('en', new Error('boom'))).state.message).toMatch(/^Something went wrong on our side\. Please try again later \(reference [0-9a-f-]{36}\)\.$/);
  });
});
