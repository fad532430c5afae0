/**
 * The security suite, written to be read by an auditor. It runs against a server of its own (a fresh
 * embedded database, its log captured), so that locking accounts and the log check disturb no other journey.
 *
 *  1. security headers on a page, an API route and a static file; CSP with a nonce, no inline scripts
 *  2. forged cross-site requests (foreign Origin, missing Origin) to the API, a server action and next-auth
 *  3. replayed session cookies after sign-out and after deactivation
 *  4. a half-signed-in session (password passed, second factor not) on every page and every API route
 *  5. brute force: the account lock, the same answer for every refusal
 *  6. two-factor sign-in: enrolment with QR code and recovery codes, a reused code refused
 *  7. rate limits on case search; password rules; error bodies without stack traces
 *  8. malformed input on every page: undecodable paths, TRACE, NUL, prototype keys; no open redirect after sign-in
 *  9. a canary password and subject name that never appear in the server's log
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { ROUTE_ACCESS } from '../lib/access/route-access';
import { timeStep, totpCode } from '../lib/auth/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRETS, enterCode, fillSignIn, nextCode, screenshot, signIn, signInAndWait } from './helpers';
import { startOwnServer, type OwnServer } from './own-server';

const port = Number(process.env.E2E_PORT ?? 3100) + 80;
const BASE = `http://127.0.0.1:${port}`;
const dataDir = `.data/e2e-${port}`;

const CANARY_PASSWORD = 'Kanarie-Wachtwoord-Q7x9-geheim';
const CANARY_NAME = 'Kanariepiet Zwijgzaam';
const FAILED = 'E-mailadres of wachtwoord onjuist.';
const MISSING_ORIGIN = /Verzoek zonder Origin-header geweigerd/;
const CROSS_SITE = 'Verzoek van een andere website geweigerd.';
const EVIL = 'https://evil.example';

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });

let server: OwnServer | undefined;

/**
 * A fresh database with the demo data, in which one account (gemeente@) has no second factor yet, as an
 * account an admin has just created: it sets up its authenticator app on first sign-in.
 */
async function prepareDatabase() {
  await rm(dataDir, { recursive: true, force: true });
  const { openPglite } = await import('../db/open');
  const { loadReferenceData } = await import('../lib/reference/load');
  const { seedDemo } = await import('../lib/seed/demo');
  const { users } = await import('../db/schema/directory');
  const { userTotp } = await import('../db/schema/sign-in');
  const handle = await openPglite(path.resolve(dataDir, 'pglite'));
  await loadReferenceData(handle.db);
  await seedDemo(handle.db);
  const [gemeente] = await handle.db.select().from(users).where(eq(users.email, 'gemeente@example.org'));
  await handle.db.delete(userTotp).where(eq(userTotp.userId, gemeente!.id));
  await handle.close();
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await prepareDatabase();
  server = await startOwnServer({ port, dataDir, env: { AUTH_SECRET: 'security-suite-secret-0123456789abcdefghijklmnop' } });
});

test.afterAll(async () => {
  await server?.stop();
});

// ---------------------------------------------------------------------------------------------------
// Helpers: sign-in as a script does it (one POST to next-auth's credentials callback).

async function scriptClient(): Promise<APIRequestContext> {
  // No default Origin: each request below says what it sends.
  return playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: {} });
}

/** One POST of email, password and (optionally) code; true when next-auth accepted it. */
async function scriptSignIn(api: APIRequestContext, email: string, password: string, code?: string): Promise<boolean> {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, ...(code ? { code } : {}), json: 'true' },
    headers: { origin: BASE },
    maxRedirects: 0,
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  return response.ok() && !String(body.url).includes('error=');
}

const uuid = () => crypto.randomUUID();

/** A browser context of its own on this suite's server (extraHTTPHeaders are not inherited reliably). */
const newContext = (browser: Browser) => browser.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });

/** The pages of the signed-in app, from the file system: app/(app)/**\/page.tsx. */
function appPages(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'page.tsx') found.push(path.relative('app/(app)', path.dirname(full)));
    }
  };
  walk('app/(app)');
  return found
    .map((rel) => `/${rel.split(path.sep).filter((s) => s && s !== '.' && !/^\(.*\)$/.test(s)).join('/')}`)
    .map((p) => p.replace(/\[[^\]]+\]/g, uuid()))
    .sort();
}

/** Every registered API route that needs a signed-in user (lib/access/route-access.ts). */
function protectedApiRoutes(): { method: string; path: string }[] {
  return Object.entries(ROUTE_ACCESS)
    .filter(([id, gate]) => id.includes(' /api/v1/') && gate !== 'public')
    .map(([id]) => {
      const [method, route] = id.split(' ') as [string, string];
      return { method, path: route.replace(/\[[^\]]+\]/g, uuid()) };
    });
}

/** The new sign-in and account screens meet WCAG 2.1 AA like the rest (see accessibility.spec.ts). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function noStackTrace(body: string) {
  expect(body).not.toMatch(/\bat [^\n]+\.(ts|js|mjs|cjs):\d+/);
  expect(body).not.toMatch(/node_modules|webpack-internal|turbopack:/);
}

// ---------------------------------------------------------------------------------------------------
// 1. Headers

test('security headers are on a page, an API route and a static file; cookies are HttpOnly and SameSite', async ({ page, request }) => {
  const response = await page.goto('/login');
  const headers = response!.headers();
  for (const h of [headers, (await request.get('/api/health')).headers()]) {
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('same-origin');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['permissions-policy']).toContain('camera=()');
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['cache-control']).toContain('no-store');
    // Served over http here: no HSTS (browsers ignore it over http; the https case is a unit test).
    expect(h['strict-transport-security']).toBeUndefined();
  }
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  expect(asset.headers()['x-frame-options']).toBe('DENY');
  expect(asset.headers()['cross-origin-resource-policy']).toBe('same-origin');

  await fillSignIn(page, 'regisseur@example.org');
  await expect(page.getByTestId('current-user')).toBeVisible();
  const signedIn = await page.goto('/cases');
  expect(signedIn!.headers()['cache-control']).toContain('no-store');
  const api = await page.request.get('/api/v1/me');
  expect(api.headers()['cache-control']).toContain('no-store');
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  const session = (await page.context().cookies()).find((c) => c.name === 'casusregie.session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
});

test('the CSP allows scripts only with a fresh nonce: no unsafe-inline, every script tagged, no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const first = await page.goto('/login');
  const csp = first!.headers()['content-security-policy']!;
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{24}'/);
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(scriptSrc).not.toContain('unsafe-eval');
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
  const html = await first!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  const second = await page.request.get('/login');
  expect(second.headers()['content-security-policy']).not.toContain(nonce);

  // The app works under that policy: sign in and open the main pages without a single violation.
  await fillSignIn(page, 'regisseur@example.org');
  await expect(page.getByTestId('current-user')).toBeVisible();
  for (const path of ['/cases', '/meetings', '/agreements', '/signals', '/account']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  expect(violations).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------
// 2. Cross-site request forgery

test('forged cross-site requests are refused: foreign Origin, missing Origin, server action, next-auth', async ({ page }) => {
  await signInAndWait(page, 'regisseur@example.org');
  const cookies = await page.context().storageState();
  const forger = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: {}, storageState: cookies });
  const total = async () => ((await (await forger.get('/api/v1/cases')).json()) as { total: number }).total;
  const before = await total();
  const referral = {
    subject: { name: 'Vervalst Verzoek', birthDate: '1990-01-01', address: null },
    municipalityCode: 'GM0344',
    targetGroup: 'overlast',
    criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
    reason: 'Een vervalst verzoek van een andere website.',
    goal: 'Mag nooit worden opgeslagen.',
  };

  const foreign = await forger.post('/api/v1/cases', { data: referral, headers: { origin: EVIL } });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ error: CROSS_SITE });
  const nullOrigin = await forger.patch('/api/v1/me', { data: { name: 'Overgenomen', version: 1 }, headers: { origin: 'null' } });
  expect(nullOrigin.status()).toBe(403);
  const missing = await forger.post('/api/v1/cases', { data: referral });
  expect(missing.status()).toBe(403);
  expect((await missing.json()).error).toMatch(MISSING_ORIGIN);
  const missingPatch = await forger.patch('/api/v1/me', { data: { name: 'Overgenomen', version: 1 } });
  expect(missingPatch.status()).toBe(403);
  expect(await total()).toBe(before);

  // A server action posted from another site (the language switch, a real action of the page).
  const html = await (await forger.get('/cases')).text();
  const actionId = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(html)?.[1];
  expect(actionId).toBeTruthy();
  for (const headers of [{ origin: EVIL }, {}] as Record<string, string>[]) {
    const forged = await forger.post('/cases', {
      headers: { ...headers, 'next-action': actionId! },
      multipart: { [`$ACTION_ID_${actionId}`]: '', locale: 'en' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
  }
  await page.goto('/cases');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  // next-auth's sign-out without its CSRF token, from another site: the session stays.
  await forger.post('/api/auth/signout', { form: { json: 'true' }, headers: { origin: EVIL } });
  expect((await forger.get('/api/v1/me')).status()).toBe(200);

  // The same requests without a session cookie are not forgeries: they are simply not signed in.
  const anonymous = await scriptClient();
  expect((await anonymous.post('/api/v1/cases', { data: referral })).status()).toBe(401);
  await anonymous.dispose();
  await forger.dispose();
});

// ---------------------------------------------------------------------------------------------------
// 3. Replayed cookies

test('a session cookie replayed after sign-out is refused, and sign-out clears the browser', async ({ page, browser }) => {
  await signIn(page, 'manager@example.org');
  await expect(page.getByTestId('current-user')).toBeVisible();
  const stolen = await page.context().cookies();
  const signOut = page.waitForResponse((r) => r.url().includes('/api/auth/signout') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Afmelden' }).click();
  expect((await (await signOut).allHeaders())['clear-site-data']).toBe('"cache", "cookies", "storage"');
  await expect(page).toHaveURL(/\/login/);

  const replay = await newContext(browser);
  await replay.addCookies(stolen);
  const other = await replay.newPage();
  await other.goto('/dashboard');
  await expect(other).toHaveURL(/\/login/);
  expect((await replay.request.get('/api/v1/me')).status()).toBe(401);
  await replay.close();
});

test("a session cookie replayed after the user's deactivation is refused", async ({ browser }) => {
  const victim = await newContext(browser);
  const victimPage = await victim.newPage();
  await signInAndWait(victimPage, 'reclassering@example.org');
  const stolen = await victim.cookies();
  expect((await victim.request.get('/api/v1/me')).status()).toBe(200);

  const adminContext = await newContext(browser);
  const admin = await adminContext.newPage();
  await signInAndWait(admin, 'admin@example.org');
  // Through the navigation, so the page has hydrated before the button is pressed.
  await admin.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Beheer' }).click();
  const row = admin.getByTestId('user-reclassering@example.org');
  await row.getByRole('button', { name: 'Fatima Ouali blokkeren' }).click();
  await row.getByRole('button', { name: 'Ja, blokkeren' }).click();
  await expect(row.getByText('Geblokkeerd')).toBeVisible();

  const replay = await newContext(browser);
  await replay.addCookies(stolen);
  expect((await replay.request.get('/api/v1/me')).status()).toBe(401);
  const page = await replay.newPage();
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/login/);

  await row.getByRole('button', { name: 'Fatima Ouali deblokkeren' }).click();
  await expect(row.getByText('Actief')).toBeVisible();
  // Unblocking does not revive the stolen session.
  expect((await replay.request.get('/api/v1/me')).status()).toBe(401);
  await Promise.all([victim.close(), adminContext.close(), replay.close()]);
});

// ---------------------------------------------------------------------------------------------------
// 4. Half-signed-in sessions

test('a session that passed the password but not the code reaches no page and no API route', async () => {
  const api = await scriptClient();
  expect(await scriptSignIn(api, 'regisseur2@example.org', DEMO_PASSWORD)).toBe(true);
  const cookies = (await api.storageState()).cookies.map((c) => c.name);
  expect(cookies).toContain('casusregie.session');

  const pages = appPages();
  expect(pages).toEqual(expect.arrayContaining(['/', '/cases', '/account', '/admin']));
  for (const path of pages) {
    const response = await api.get(path, { maxRedirects: 0 });
    expect([path, response.status()]).toEqual([path, 307]);
    expect(new URL(response.headers()['location']!, BASE).pathname, path).toBe('/login/verify');
  }

  const routes = protectedApiRoutes();
  expect(routes.length).toBeGreaterThan(10);
  for (const { method, path } of routes) {
    const response = await api.fetch(path, {
      method,
      headers: { origin: BASE },
      ...(method === 'GET' ? {} : { data: {} }),
    });
    expect([method, path, response.status()]).toEqual([method, path, 401]);
  }

  // The code step itself is open to it, and the code completes the sign-in.
  expect((await api.get('/login/verify')).status()).toBe(200);
  await api.dispose();
});

// ---------------------------------------------------------------------------------------------------
// 5. Brute force

test('brute force: after 10 failures the account is locked, the right password and code fail too, with the same answer', async ({ page }) => {
  const api = await scriptClient();
  const email = 'veiligthuis@example.org';
  for (let i = 0; i < 10; i++) expect(await scriptSignIn(api, email, i === 0 ? CANARY_PASSWORD : `Fout-wachtwoord-${i}`)).toBe(false);
  // Locked now: the right password with the right code is refused...
  expect(await scriptSignIn(api, email, DEMO_PASSWORD, await nextCode(BASE, email))).toBe(false);
  expect(await scriptSignIn(api, email, DEMO_PASSWORD)).toBe(false);
  expect((await api.get('/api/v1/me')).status()).toBe(401);
  // ...and in the form it looks exactly like a wrong password or an unknown account.
  const failure = page.getByRole('alert').filter({ hasText: /\S/ });
  await signIn(page, email, DEMO_PASSWORD);
  await expect(failure).toHaveText(FAILED);
  await signIn(page, 'niemand@example.org', DEMO_PASSWORD);
  await expect(failure).toHaveText(FAILED);
  await signIn(page, 'regisseur@example.org', 'Niet-het-wachtwoord');
  await expect(failure).toHaveText(FAILED);
  await api.dispose();
});

test('wrong and reused codes are refused; the code step locks the account like the password does', async ({ page }) => {
  const api = await scriptClient();
  const email = 'regisseur2@example.org';
  const code = await nextCode(BASE, email);
  expect(await scriptSignIn(api, email, DEMO_PASSWORD, code)).toBe(true);
  expect((await api.get('/api/v1/me')).status()).toBe(200);
  // The same code a second time is a replay.
  const again = await scriptClient();
  expect(await scriptSignIn(again, email, DEMO_PASSWORD, code)).toBe(false);
  expect(await scriptSignIn(again, email, DEMO_PASSWORD, '000000')).toBe(false);

  // In the form: a wrong code is answered in Dutch and the session stays half.
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByLabel('Verificatiecode').fill('000000');
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Deze code' })).toHaveText(
    'Deze code klopt niet of is al gebruikt. Wacht op de volgende code en probeer het opnieuw.',
  );
  await screenshot(page, 'login-code-wrong');
  await expectAccessible(page);
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/login\/verify/);
  await enterCode(page, email);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await Promise.all([api.dispose(), again.dispose()]);
});

// ---------------------------------------------------------------------------------------------------
// 6. Enrolment

test('an account without a second factor sets up the app with a QR code and gets ten recovery codes, each usable once', async ({ page }) => {
  const email = 'gemeente@example.org';
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page).toHaveURL(/\/login\/enrol/);
  await expect(page.getByRole('img', { name: 'QR-code om Casusregie toe te voegen aan je authenticator-app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // Nothing else is reachable yet.
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  await screenshot(page, 'login-enrol');
  await expectAccessible(page);

  await page.getByLabel('Verificatiecode').fill('123456');
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Deze code klopt niet' })).toBeVisible();
  await page.getByLabel('Verificatiecode').fill(totpCode(secret, timeStep(Date.now())));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  const codes = page.getByTestId('recovery-codes').getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recovery = await codes.allInnerTexts();
  await screenshot(page, 'login-recovery-codes');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Ik heb de codes bewaard, ga verder' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Pieter de Groot');

  // A recovery code instead of the app code, once.
  for (const expected of ['signed in', 'refused']) {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByLabel('Verificatiecode').fill(recovery[0]!);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    if (expected === 'signed in') await expect(page.getByTestId('current-user')).toBeVisible();
    else await expect(page.getByRole('alert').filter({ hasText: 'al gebruikt' })).toBeVisible();
  }
  expect(Object.keys(DEMO_TOTP_SECRETS)).not.toContain(secret);
});

// ---------------------------------------------------------------------------------------------------
// 7. Rate limits, password rules, error bodies

test('case search is rate limited per user: 429 with a Dutch message in the API, a message on the page', async ({ page }) => {
  await signInAndWait(page, 'regisseur@example.org');
  const api = page.request;
  const created = await api.post('/api/v1/cases', {
    data: {
      subject: { name: CANARY_NAME, birthDate: '1979-05-05', address: 'Kanariestraat 1, Utrecht' },
      municipalityCode: 'GM0344',
      targetGroup: 'verward_gedrag',
      criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
      reason: 'Een casus die de logcontrole volgt.',
      goal: 'Nagaan dat de naam nooit in een log belandt.',
    },
  });
  expect(created.status()).toBe(201);
  let answer = await api.get('/api/v1/cases', { params: { q: CANARY_NAME } });
  expect((await answer.json()).total).toBe(1);
  for (let i = 1; i < 30; i++) answer = await api.get('/api/v1/cases', { params: { q: `Kanarie ${i}` } });
  expect(answer.status()).toBe(200);
  const limited = await api.get('/api/v1/cases', { params: { q: CANARY_NAME } });
  expect(limited.status()).toBe(429);
  expect(await limited.json()).toEqual({
    error: 'Je hebt in korte tijd te veel zoekopdrachten gedaan. Wacht een minuut en probeer het dan opnieuw.',
  });
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  // A list without a search term is no search.
  expect((await api.get('/api/v1/cases')).status()).toBe(200);
  await page.goto(`/cases?q=${encodeURIComponent(CANARY_NAME)}`);
  await expect(page.getByRole('alert').filter({ hasText: 'te veel zoekopdrachten' })).toBeVisible();
  await expect(page.getByRole('cell', { name: CANARY_NAME })).toHaveCount(0);
});

test('exports are rate limited per user: the eleventh CSV download in ten minutes gets 429', async ({ page }) => {
  await signInAndWait(page, 'manager@example.org');
  const answers: number[] = [];
  for (let i = 0; i < 11; i++) answers.push((await page.request.get('/api/v1/dashboard.csv')).status());
  expect(answers.slice(0, 10)).not.toContain(429);
  expect(answers[10]).toBe(429);
  const limited = await page.request.get('/api/v1/dashboard.csv');
  expect((await limited.json()).error).toBe('Je hebt in korte tijd te veel exports gemaakt. Wacht een paar minuten en probeer het dan opnieuw.');
});

test('changing the own password: the current one first, no short or common password, other sessions end', async ({ page, browser }) => {
  const email = 'ggz@example.org';
  const other = await newContext(browser);
  const otherPage = await other.newPage();
  await signInAndWait(otherPage, email);
  await signInAndWait(page, email);
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
  const form = page.locator('form').filter({ has: page.getByLabel('Huidig wachtwoord') });
  const submit = async (current: string, next: string, repeat = next) => {
    await form.getByLabel('Huidig wachtwoord').fill(current);
    await form.getByLabel(/^Nieuw wachtwoord/).fill(next);
    await form.getByLabel('Herhaal het nieuwe wachtwoord').fill(repeat);
    await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  };
  await submit(CANARY_PASSWORD, 'Een heel ander lang wachtwoord');
  await expect(form.getByText('Je huidige wachtwoord klopt niet.', { exact: true })).toBeVisible();
  await submit(DEMO_PASSWORD, 'Kort-123');
  await expect(form.getByText(/^Kies een wachtwoord van minstens 12 tekens/)).toBeVisible();
  await submit(DEMO_PASSWORD, 'qwerty123456');
  await expect(form.getByText(/^Dit wachtwoord komt voor op de lijst van veelgebruikte of gelekte wachtwoorden/)).toBeVisible();
  await submit(DEMO_PASSWORD, 'de vecht stroomt langs maarssen', 'de vecht stroomt langs breukelen');
  await expect(form.getByText('De twee nieuwe wachtwoorden zijn niet gelijk.', { exact: true })).toBeVisible();
  // Passwords never travel back to the form.
  await expect(form.getByLabel('Huidig wachtwoord')).toHaveValue('');
  await screenshot(page, 'account-password-errors');
  await expectAccessible(page);
  await submit(DEMO_PASSWORD, 'de vecht stroomt langs maarssen');
  await expect(page.getByText('Je wachtwoord is gewijzigd. Je andere sessies zijn beëindigd.')).toBeVisible();
  // This session goes on; the other one has ended.
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
  expect((await other.request.get('/api/v1/me')).status()).toBe(401);
  await other.close();
  const api = await scriptClient();
  // The old password no longer opens even the first step; the new one does.
  expect(await scriptSignIn(api, email, DEMO_PASSWORD)).toBe(false);
  expect(await scriptSignIn(api, email, 'de vecht stroomt langs maarssen', await nextCode(BASE, email))).toBe(true);
  await api.dispose();
});

test('error answers carry a message, never a stack trace or internals', async ({ page }) => {
  await signInAndWait(page, 'politie@example.org');
  const api = page.request;
  const answers = await Promise.all([
    api.get('/api/v1/cases/not-a-uuid'),
    api.get(`/api/v1/cases/${uuid()}`),
    api.patch('/api/v1/me', { headers: { 'content-type': 'application/json' }, data: Buffer.from(`{"name": "${CANARY_NAME}`) }),
    api.patch('/api/v1/me', { data: { name: 7, role: 'admin', version: 1, note: CANARY_NAME } }),
    api.patch('/api/v1/me', { headers: { 'content-type': 'text/plain' }, data: CANARY_NAME }),
    api.post('/api/v1/cases', { data: { subject: { name: CANARY_NAME } } }),
    page.request.get('/api/v1/does-not-exist'),
  ]);
  expect(answers.map((a) => a.status())).toEqual([404, 404, 400, 422, 415, 422, 404]);
  for (const answer of answers) await noStackTrace(await answer.text());
  const missing = await page.goto('/cases/does-not-exist');
  expect(missing!.status()).toBe(404);
  await noStackTrace(await missing!.text());
});

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

// ---------------------------------------------------------------------------------------------------
// 9. The log

test('the canary password, the canary name, codes and secrets never appear in the server log', async () => {
  // Everything above ran against this server; give its log a moment to flush.
  await new Promise((r) => setTimeout(r, 500));
  const output = server!.log();
  expect(output).toContain('Casusregie luistert op');
  const lower = output.toLowerCase();
  expect(lower).not.toContain('kanarie');
  expect(lower).not.toContain('zwijgzaam');
  expect(output).not.toContain(DEMO_PASSWORD);
  for (const secret of Object.values(DEMO_TOTP_SECRETS)) expect(output).not.toContain(secret);
  expect(output).not.toContain('$argon2id$');
  expect(output).not.toMatch(/eyJhbGciOi/); // no session token
});
