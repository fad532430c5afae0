import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type TestInfo } from '@playwright/test';
import { signInAndWait } from './helpers';

/*
 * Insecure direct object references, for every id-bearing route of the API. The routes are read from
 * app/api/v1 itself, so a new route with an id fails this suite until it says which foreign object to
 * try. An attacker — a professional of an organisation that is not convened, and an admin, who sees no
 * case at all — must get exactly the answer a non-existent id gets (no 2xx, no hint that the object
 * exists), and the objects must be unchanged afterwards, as the regisseur sees them.
 */

const API_ROOT = path.join(process.cwd(), 'app', 'api', 'v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const NOBODY = '00000000-0000-4000-8000-000000000000';

interface Route {
  template: string;
  methods: string[];
}

/** The pages of the signed-in app whose path carries an id (app/(app)/…/[id]/…/page.tsx). */
function idPages(): string[] {
  const root = path.join(process.cwd(), 'app', '(app)');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'page.tsx' && full.includes('[')) {
        found.push(`/${path.relative(root, path.dirname(full)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join('/')}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

function idRoutes(): Route[] {
  const found: Route[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts' && full.includes('[')) {
        const source = fs.readFileSync(full, 'utf8');
        const methods = METHODS.filter((m) => new RegExp(`export (const|async function) ${m}\\b`).test(source));
        found.push({ template: `/api/v1/${path.relative(API_ROOT, path.dirname(full)).split(path.sep).join('/')}`, methods });
      }
    }
  };
  walk(API_ROOT);
  return found.sort((a, b) => a.template.localeCompare(b.template));
}

/** A body that passes validation where it can, so that the answer is decided by access, not by shape. */
function bodyFor(template: string, method: string): Record<string, unknown> | undefined {
  if (method === 'GET' || method === 'DELETE') return undefined;
  const bodies: Record<string, Record<string, unknown>> = {
    '/api/v1/cases/[id]': { goal: 'Overgenomen doel.', version: 1 },
    '/api/v1/cases/[id]/agreements': { description: 'Afspraak van een aanvaller.', dueDate: '2030-01-01' },
    '/api/v1/cases/[id]/transitions': { to: 'afgesloten', closureResult: 'Weg ermee.', version: 1 },
    '/api/v1/cases/[id]/lead': { userId: NOBODY, version: 1 },
    '/api/v1/cases/[id]/partners': { organisationId: NOBODY, reason: 'Meekijken zonder reden.' },
    '/api/v1/cases/[id]/partners/[partnerId]/end': { version: 1 },
    '/api/v1/agreements/[id]': { status: 'gereed', version: 1 },
    '/api/v1/agreements/[id]/actions': { kind: 'voortgang', text: 'Gedaan, zegt de aanvaller.' },
    '/api/v1/meetings/[id]': { location: 'Elders', version: 1 },
    '/api/v1/meetings/[id]/transitions': { to: 'geannuleerd', version: 1 },
    '/api/v1/signals/[id]/resolve': { note: 'Opgelost door een aanvaller.', version: 1 },
    '/api/v1/signals/[id]/snooze': { until: '2030-01-01', note: 'Later.', version: 1 },
  };
  return bodies[template] ?? { version: 1 };
}

interface Foreign {
  case: string;
  partner: string;
  agreement: string;
  meeting: string;
  item: string;
  signal: string;
  regisseurUserId: string;
  organisation: string;
}

function fill(template: string, ids: Partial<Foreign>): string {
  return template
    .replace(/\/calendar\/\[userId\]\/\[token\]/, () => `/calendar/${ids.regisseurUserId}/${'a'.repeat(43)}`)
    .replace(/\/cases\/\[id\]/, () => `/cases/${ids.case}`)
    .replace(/\[partnerId\]/, () => ids.partner!)
    .replace(/\/agreements\/\[id\]/, () => `/agreements/${ids.agreement}`)
    .replace(/\/meetings\/\[id\]/, () => `/meetings/${ids.meeting}`)
    .replace(/\[itemId\]/, () => ids.item!)
    .replace(/\/signals\/\[id\]/, () => `/signals/${ids.signal}`)
    .replace(/\/admin\/users\/\[id\]/, () => `/admin/users/${ids.regisseurUserId}`)
    .replace(/\/admin\/organisations\/\[id\]/, () => `/admin/organisations/${ids.organisation}`)
    .replace(/\/partnerbeheer\/users\/\[id\]/, () => `/partnerbeheer/users/${ids.regisseurUserId}`)
    // No API lists data-subject requests; another organisation's task and request are proven 404 in
    // lib/data-subject-requests and e2e/data-subject-request.spec.ts. Here: an id of something else is no request.
    .replace(/\/data-subject-requests\/(tasks\/)?\[id\]/, (_, tasks: string | undefined) => `/data-subject-requests/${tasks ?? ''}${ids.case}`);
}

async function json(api: APIRequestContext, url: string) {
  const response = await api.get(url);
  expect(response.status(), url).toBe(200);
  return response.json();
}

async function signedIn(browser: Browser, testInfo: TestInfo, email: string) {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signInAndWait(page, email);
  return { api: page.request, close: () => context.close() };
}

/** What the regisseur sees of the target objects: must be identical before and after the attacks. */
async function snapshot(api: APIRequestContext, ids: Foreign) {
  return {
    case: await json(api, `/api/v1/cases/${ids.case}`),
    partners: await json(api, `/api/v1/cases/${ids.case}/partners`),
    agreements: await json(api, `/api/v1/cases/${ids.case}/agreements`),
    actions: await json(api, `/api/v1/agreements/${ids.agreement}/actions`),
    meeting: await json(api, `/api/v1/meetings/${ids.meeting}`),
    signals: (await json(api, '/api/v1/signals')).items.filter((s: { id: string }) => s.id === ids.signal),
  };
}

test('every id-bearing API route answers a foreign id exactly like a non-existent one, and changes nothing', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const routes = idRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(12);

  // The regisseur sees everything: pick objects Veilig Thuis has no part in.
  await signInAndWait(page, 'regisseur@example.org');
  const regisseur = page.request;
  const attacker = await signedIn(browser, testInfo, 'veiligthuis@example.org');
  const admin = await signedIn(browser, testInfo, 'admin@example.org');
  try {
    const seenByAttacker = async (url: string) => {
      const response = await attacker.api.get(url);
      return response.ok() ? ((await response.json()).items as { id: string }[]).map((i) => i.id) : [];
    };
    const cases = (await json(regisseur, '/api/v1/cases?pageSize=100')).items as { id: string }[];
    const attackerCases = new Set(await seenByAttacker('/api/v1/cases?pageSize=100'));
    // A case with agreements and partners, so that every kind of object behind it exists.
    let foreignCase = '';
    let agreements: { id: string }[] = [];
    let partners: { id: string }[] = [];
    for (const candidate of cases.filter((c) => !attackerCases.has(c.id))) {
      agreements = (await json(regisseur, `/api/v1/cases/${candidate.id}/agreements`)).items;
      partners = (await json(regisseur, `/api/v1/cases/${candidate.id}/partners`)).items;
      foreignCase = candidate.id;
      if (agreements.length > 0 && partners.length > 0) break;
    }
    // A meeting with an agenda item, so that items are targets too: made for the foreign case, then
    // cancelled, so that no other journey finds it on a coming agenda.
    const me = await json(regisseur, '/api/v1/me');
    const made = await regisseur.post('/api/v1/meetings', {
      data: { title: 'Besloten overleg', kind: 'casusoverleg', date: '2030-03-04', startTime: '10:00', endTime: '11:00', chairUserId: me.id, caseIds: [foreignCase] },
    });
    expect(made.status()).toBe(201);
    const foreignMeeting = (await made.json()) as { id: string; version: number; agenda: { id: string }[] };
    const cancelled = await regisseur.post(`/api/v1/meetings/${foreignMeeting.id}/transitions`, {
      data: { action: 'cancel', reason: 'Alleen voor deze test.', version: foreignMeeting.version },
    });
    expect(cancelled.status()).toBe(200);
    const signals = (await json(regisseur, '/api/v1/signals')).items as { id: string }[];
    const attackerSignals = new Set(await seenByAttacker('/api/v1/signals'));
    const ids: Foreign = {
      case: foreignCase,
      partner: partners[0]!.id,
      agreement: agreements[0]!.id,
      meeting: foreignMeeting.id,
      item: foreignMeeting.agenda[0]!.id,
      signal: signals.find((s) => !attackerSignals.has(s.id))!.id,
      regisseurUserId: me.id,
      organisation: me.organisation.id,
    };
    for (const [kind, id] of Object.entries(ids)) expect(id, kind).toMatch(/^[0-9a-f-]{36}$/);
    const nobody: Partial<Foreign> = {
      case: NOBODY,
      partner: NOBODY,
      agreement: NOBODY,
      meeting: NOBODY,
      item: NOBODY,
      signal: NOBODY,
      regisseurUserId: NOBODY,
      organisation: NOBODY,
    };
    const before = await snapshot(regisseur, ids);

    let tried = 0;
    for (const who of [attacker, admin]) {
      for (const route of routes) {
        for (const method of route.methods) {
          const data = bodyFor(route.template, method);
          const foreignUrl = fill(route.template, ids);
          const missingUrl = fill(route.template, nobody);
          expect(foreignUrl, `${route.template}: which foreign object?`).not.toContain('[');
          const foreign = await who.api.fetch(foreignUrl, { method, data });
          const missing = await who.api.fetch(missingUrl, { method, data });
          const label = `${method} ${route.template}`;
          expect(foreign.ok(), label).toBe(false);
          expect(foreign.status(), label).toBe(missing.status());
          expect([404, 422], label).toContain(foreign.status());
          if (method === 'GET') expect(foreign.status(), label).toBe(404);
          const [a, b] = [await foreign.text(), await missing.text()];
          const message = (text: string) => (text.startsWith('{') ? (JSON.parse(text) as { error?: string }).error : text);
          expect(message(a), label).toBe(message(b));
          tried += 1;
        }
      }
    }
    expect(tried).toBeGreaterThanOrEqual(2 * 18);

    // The pages behind the same ids: the not-found page, with its status, for a foreign and a missing id.
    const pages = idPages();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const who of [attacker, admin]) {
      // Beheer pages are the admin's own; for everyone else they do not exist.
      for (const template of pages.filter((p) => who !== admin || !p.startsWith('/admin/'))) {
        const url = fill(template, ids);
        expect(url, `${template}: which foreign object?`).not.toContain('[');
        const foreign = await who.api.get(url, { maxRedirects: 0 });
        const missing = await who.api.get(fill(template, nobody), { maxRedirects: 0 });
        expect(foreign.status(), template).toBe(404);
        expect(missing.status(), template).toBe(404);
      }
    }
    expect(await snapshot(regisseur, ids)).toEqual(before);

    // Malformed ids are a plain 404 too, never a database error.
    for (const bad of ['1%20OR%201=1', "'%3B--", '..%2F..%2Fetc']) {
      const response = await attacker.api.get(`/api/v1/cases/${bad}`);
      expect(response.status(), bad).toBe(404);
    }
  } finally {
    await attacker.close();
    await admin.close();
  }
});
