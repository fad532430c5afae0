/**
 * The security suite, written to be read by an auditor (see also the other security-*.spec.ts). It runs against
 * a server of its own (a fresh embedded database, its log captured), so that it disturbs no other journey.
 *
 *  8. malformed input on every page: undecodable paths, TRACE, NUL, prototype keys; no open redirect after sign-in
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { fillSignIn, signInAndWait } from './helpers';
import {
  BASE,
  CROSS_SITE,
  EVIL,
  newContext,
  noStackTrace,
  ownSecurityServer,
  port,
  uuid,
} from './security-helpers';

ownSecurityServer('input');

// ---------------------------------------------------------------------------------------------------
// 8. Malformed input

/** One request exactly as written (method and target untouched by any URL parser), with its answer. */
function rawRequest(method: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path: target, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Every page route of the app, signed-in and sign-in pages alike, with its dynamic segments named. */
function pageRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'api') walk(full);
      else if (entry.name === 'page.tsx') found.push(path.relative('app', path.dirname(full)));
    }
  };
  walk('app');
  return found.map((rel) => `/${rel.split(path.sep).filter((s) => s && s !== '.' && !/^\(.*\)$/.test(s)).join('/')}`).sort();
}

const BAD_IDS = ['x', '%ZZ', '%00', 'a%00b', '__proto__', 'constructor', '0'.repeat(400), '%E0%A4%A', '..%2F..%2Fetc%2Fpasswd'];
const BAD_QUERIES = [
  '__proto__=1',
  '__proto__[x]=1&constructor[prototype][x]=1',
  'constructor=1&toString=2&valueOf=3',
  'q=a%00b',
  'q=%ZZ',
  'page=99999999999999999999&pageSize=-1',
  'status=x&status=y&status=z',
  'from=2026-13-45&to=99999-01-01',
  'period=constructor',
  'callbackUrl=%2F%0A%2Fevil.example',
  `q=${'x'.repeat(3000)}`,
];

test('no page answers 5xx to malformed ids and query strings; undecodable paths and NUL get a Dutch 400', async ({ page }) => {
  test.setTimeout(240_000);
  await signInAndWait(page, 'regisseur@example.org');
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  // The walk below is signed in for real: the page renders instead of sending the visitor to sign in.
  expect((await rawRequest('GET', '/cases?__proto__=1&constructor=1', { cookie })).status).toBe(200);
  const routes = pageRoutes();
  expect(routes).toEqual(expect.arrayContaining(['/', '/cases', '/cases/[id]', '/login', '/invite/[token]', '/admin/users/[id]']));
  const failures: string[] = [];
  const targets = new Set<string>();
  for (const route of routes) {
    const segments = [...route.matchAll(/\[(\w+)\]/g)].length;
    const plain = route.replace(/\[\w+\]/g, uuid());
    for (const query of BAD_QUERIES) targets.add(`${plain}?${query}`);
    if (segments) for (const id of BAD_IDS) targets.add(route.replace(/\[\w+\]/g, id));
  }
  for (const target of targets) {
    for (const who of [cookie, '']) {
      const answer = await rawRequest('GET', target, who ? { cookie: who } : {});
      if (answer.status >= 500) failures.push(`${who ? 'signed in' : 'anonymous'} ${target.slice(0, 120)} → ${answer.status}`);
      else await noStackTrace(answer.body);
    }
  }
  expect(failures).toEqual([]);

  for (const target of ['/cases/%ZZ', '/api/v1/cases/%ZZ', '/cases/a%00b', '/api/v1/cases?q=a%00b']) {
    const answer = await rawRequest('GET', target, { cookie });
    expect([target, answer.status]).toEqual([target, 400]);
    expect(answer.headers['content-type']).toContain('application/json');
    expect((JSON.parse(answer.body) as { error: string }).error).toMatch(/^(Ongeldig adres\.|Ongeldige tekens in het adres \(NUL-teken\)\.)$/);
  }
});

test('TRACE answers 405 with the methods allowed, and never echoes the request', async () => {
  for (const target of ['/', '/login', '/api/v1/cases', '/api/health']) {
    const answer = await rawRequest('TRACE', target, { cookie: 'casusregie.session=geheim-sessie-token' });
    expect([target, answer.status]).toEqual([target, 405]);
    expect(answer.headers.allow).toContain('GET');
    expect(answer.body).not.toContain('geheim-sessie-token');
    expect((JSON.parse(answer.body) as { error: string }).error).toBe('Deze methode wordt niet ondersteund.');
  }
});

test('X-Forwarded-Host does not make a foreign Origin acceptable without a trusted proxy', async ({ page }) => {
  await signInAndWait(page, 'regisseur@example.org');
  const forged = await page.request.patch('/api/v1/me', {
    data: { name: 'Overgenomen', version: 1 },
    headers: { origin: EVIL, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toEqual({ error: CROSS_SITE });
});

const ESCAPES = [
  '%2F%09%2Fevil.example%2Fphish',
  '%2F%0A%2Fevil.example',
  '%2F%0D%0A%2Fevil.example',
  '%2F%5Cevil.example',
  '%5C%5Cevil.example',
  '%2F.%2F%2Fevil.example',
  '%2F%2Fevil.example',
  'https%3Aevil.example',
  'https%3A%2F%2Fevil.example',
  '%E3%80%80%2F%2Fevil.example',
  '%2F%E3%80%80%2Fevil.example',
  'javascript%3Aalert(1)',
];

test('the callbackUrl of the sign-in page never leads off the site, and no value breaks the page', async ({ page, browser }) => {
  // Not signed in: the page renders (the form keeps a safe path), whatever the value.
  for (const value of ESCAPES) {
    const answer = await rawRequest('GET', `/login?callbackUrl=${value}`);
    expect([value, answer.status]).toEqual([value, 200]);
    await noStackTrace(answer.body);
  }
  // Signed in: the page sends the browser on at once; every Location stays on this origin.
  await signInAndWait(page, 'regisseur@example.org');
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  for (const value of ESCAPES) {
    const answer = await rawRequest('GET', `/login?callbackUrl=${value}`, { cookie });
    expect([value, answer.status]).toEqual([value, 307]);
    const location = answer.headers.location!;
    expect(location, value).not.toMatch(/[\s\u0000-\u001f\u3000]/);
    expect(new URL(location, BASE).origin, value).toBe(BASE);
  }
  // The whole sign-in with password and code, started from the attack link, ends on this site.
  const context = await newContext(browser);
  const visitor = await context.newPage();
  await visitor.goto(`/login?callbackUrl=${ESCAPES[0]}`);
  await fillSignIn(visitor, 'regisseur2@example.org');
  await expect(visitor.getByTestId('current-user')).toBeVisible();
  expect(new URL(visitor.url()).origin).toBe(BASE);
  await context.close();
});
