/**
 * The security suite, written to be read by an auditor (see also the other security-*.spec.ts). It runs against
 * a server of its own (a fresh embedded database, its log captured), so that it disturbs no other journey.
 *
 *  1. security headers on a page, an API route and a static file; CSP with a nonce, no inline scripts
 *  2. forged cross-site requests (foreign Origin, missing Origin) to the API, a server action and next-auth
 *  3. replayed session cookies after sign-out and after deactivation
 *  4. a half-signed-in session (password passed, second factor not) on every page and every API route
 */
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { DEMO_PASSWORD, fillSignIn, signIn, signInAndWait } from './helpers';
import {
  appPages,
  BASE,
  CROSS_SITE,
  EVIL,
  MISSING_ORIGIN,
  newContext,
  ownSecurityServer,
  protectedApiRoutes,
  scriptClient,
  scriptSignIn,
} from './security-helpers';

ownSecurityServer('requests');

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
