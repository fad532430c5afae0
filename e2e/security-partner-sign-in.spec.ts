/**
 * Sign-in through a partner organisation's own identity provider (OpenID Connect), against a real OpenID
 * provider started here (the certified `oidc-provider` package, lib/testing/test-idp.ts) and a server of
 * its own. The admin configures the IdPs on the organisation page; then a police professional signs in
 * there without a Casusregie password, and every way such a sign-in can go wrong is refused with its
 * message: an unknown subject, a token for another audience, an expired token, a replayed state, a
 * missing MFA claim (Casusregie's TOTP asked, or refused when the organisation requires the IdP's MFA),
 * and an IdP that is down (local sign-in still works for an account with a password).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import path from 'node:path';
import { startTestIdp, type TestIdp } from '../lib/testing/test-idp';
import { screenshot, signInAndWait } from './helpers';
import { BASE, newContext, ownSecurityServer } from './security-helpers';

const LOCAL_PASSWORD = 'Altrecht-Lokaal-Wachtwoord-7x!';
let idp: TestIdp;

test.beforeAll(async () => {
  idp = await startTestIdp({ redirectUri: `${BASE}/api/auth/oidc/callback` });
});
test.afterAll(async () => {
  await idp?.stop();
});

ownSecurityServer('partner-sign-in', {
  // Accounts an admin provisioned for the partners: a police professional without any password of their
  // own, and a GGZ professional who has one (and no authenticator app yet).
  async prepare(dataDir) {
    const { openPglite } = await import('../db/open');
    const { organisations, users } = await import('../db/schema/directory');
    const { hashPassword } = await import('../lib/auth/password');
    const handle = await openPglite(path.resolve(dataDir, 'pglite'));
    const orgId = async (shortName: string) => (await handle.db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
    await handle.db.insert(users).values([
      { organisationId: await orgId('Politie'), email: 'wijkagent@politie.example', name: 'Willem Wijkagent', role: 'professional', passwordHash: await hashPassword(crypto.randomUUID() + crypto.randomUUID()) },
      { organisationId: await orgId('Altrecht'), email: 'behandelaar@altrecht.example', name: 'Bea Behandelaar', role: 'professional', passwordHash: await hashPassword(LOCAL_PASSWORD) },
    ]);
    await handle.close();
  },
});

let admin: BrowserContext;
let adminPage: Page;

const refusal = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ });

async function openOrganisation(shortName: string) {
  await adminPage.goto('/admin/organisations');
  await adminPage.getByRole('link', { name: new RegExp(shortName) }).first().click();
  await expect(adminPage.getByRole('heading', { name: 'Aanmelden via de identity provider van de organisatie' })).toBeVisible();
}

async function configure(shortName: string, settings: { issuer: string; domains: string; policy: string; secret?: string }) {
  await openOrganisation(shortName);
  const form = adminPage.locator('form').filter({ has: adminPage.getByLabel('Issuer-URL') });
  await form.getByLabel('Issuer-URL').fill(settings.issuer);
  await form.getByLabel('Client-id').fill(idp.clientId);
  if (settings.secret !== undefined) await form.getByLabel('Client-secret').fill(settings.secret);
  await form.getByLabel('E-maildomeinen').fill(settings.domains);
  await form.getByLabel('Tweede factor').selectOption(settings.policy);
  await form.getByLabel('Waarden die MFA betekenen').fill('mfa');
  await form.getByRole('button', { name: 'Identity provider opslaan' }).click();
  await expect(adminPage.getByText('Opgeslagen. Nieuwe aanmeldingen gaan via deze identity provider.')).toBeVisible();
}

/** Email only, "Aanmelden": the browser goes to the IdP (which signs in `account` at once) and back. */
async function signInThroughIdp(page: Page, email: string, account: { sub: string; amr?: string[] }) {
  idp.signInAs({ email, ...account });
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  const back = page.waitForResponse((response) => response.url().startsWith(`${BASE}/api/auth/oidc/callback`));
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await back;
  await page.waitForLoadState();
}

test('the admin configures the police IdP and a GGZ IdP on the organisation pages', async ({ browser }) => {
  admin = await newContext(browser);
  adminPage = await admin.newPage();
  await signInAndWait(adminPage, 'admin@example.org');
  await configure('Politie', { issuer: idp.issuer, domains: 'politie.example', policy: 'idp-or-totp', secret: idp.clientSecret });
  // The secret is never shown again; the redirect URI to register at the IdP is.
  await expect(adminPage.getByLabel('Client-secret')).toHaveValue('');
  await expect(adminPage.locator('code', { hasText: `${BASE}/api/auth/oidc/callback` })).toBeVisible();
  await adminPage.setViewportSize({ width: 1440, height: 900 });
  await screenshot(adminPage, 'partner-idp-admin-1440');
  await adminPage.setViewportSize({ width: 360, height: 800 });
  await screenshot(adminPage, 'partner-idp-admin-360');
  await adminPage.setViewportSize({ width: 1280, height: 800 });

  // One email domain, one organisation.
  await openOrganisation('Altrecht');
  const form = adminPage.locator('form').filter({ has: adminPage.getByLabel('Issuer-URL') });
  await form.getByLabel('Issuer-URL').fill('http://127.0.0.1:9');
  await form.getByLabel('Client-id').fill('casusregie');
  await form.getByLabel('Client-secret').fill('geheim');
  await form.getByLabel('E-maildomeinen').fill('altrecht.example, politie.example');
  await form.getByRole('button', { name: 'Identity provider opslaan' }).click();
  await expect(form.getByText('Het e-maildomein politie.example hoort al bij een andere organisatie.', { exact: true }).first()).toBeVisible();
  // An IdP that does not answer (port 9, discard): used below as the IdP that is down.
  await configure('Altrecht', { issuer: 'http://127.0.0.1:9', domains: 'altrecht.example', policy: 'idp-or-totp', secret: 'geheim' });
});

test('a police professional signs in through the test IdP (with MFA claim) without a Casusregie password', async ({ page }) => {
  await page.goto('/login');
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, 'partner-sign-in-1440');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'partner-sign-in-360');
  await page.setViewportSize({ width: 1280, height: 800 });

  await signInThroughIdp(page, 'wijkagent@politie.example', { sub: 'pol-4711', amr: ['pwd', 'mfa'] });
  await expect(page.getByTestId('current-user')).toContainText('Willem Wijkagent');
  expect((await page.request.get('/api/v1/me')).status()).toBe(200);
});

test('a user of an unconfigured domain still signs in locally', async ({ page }) => {
  await signInAndWait(page, 'ggz@example.org');
  await expect(page.getByTestId('current-user')).toContainText('Eva Visser');
});

test('an unknown subject is refused with a clear message and no account is created', async ({ page }) => {
  await signInThroughIdp(page, 'nieuwkomer@politie.example', { sub: 'pol-0001', amr: ['mfa'] });
  await expect(refusal(page)).toContainText('je hebt geen account in Casusregie');
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('an ID token for another audience, and an expired one, are refused', async ({ page }) => {
  idp.tamper((claims) => ({ ...claims, aud: 'een-andere-client' }));
  await signInThroughIdp(page, 'wijkagent@politie.example', { sub: 'pol-4711', amr: ['mfa'] });
  await expect(refusal(page)).toContainText('was niet geldig');
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);

  const past = Math.floor(Date.now() / 1000) - 7200;
  idp.tamper((claims) => ({ ...claims, iat: past, exp: past + 3600 }));
  await signInThroughIdp(page, 'wijkagent@politie.example', { sub: 'pol-4711', amr: ['mfa'] });
  await expect(refusal(page)).toContainText('was niet geldig');
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('a replayed state is refused, also by another browser', async ({ page, browser }) => {
  let callback = '';
  page.on('request', (request) => {
    if (request.url().startsWith(`${BASE}/api/auth/oidc/callback`)) callback = request.url();
  });
  await signInThroughIdp(page, 'wijkagent@politie.example', { sub: 'pol-4711', amr: ['mfa'] });
  await expect(page.getByTestId('current-user')).toBeVisible();
  expect(callback).toContain('state=');

  const attacker = await newContext(browser);
  const other = await attacker.newPage();
  await other.goto(callback);
  await expect(refusal(other)).toContainText('verlopen of al gebruikt');
  expect((await other.request.get('/api/v1/me')).status()).toBe(401);
  await attacker.close();
});

test('without the MFA claim Casusregie’s own second factor is asked, or the sign-in is refused as configured', async ({ page }) => {
  await signInThroughIdp(page, 'wijkagent@politie.example', { sub: 'pol-4711', amr: ['pwd'] });
  await expect(page).toHaveURL(/\/login\/enrol/);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);

  await configure('Politie', { issuer: idp.issuer, domains: 'politie.example', policy: 'idp-required' });
  await page.context().clearCookies();
  await signInThroughIdp(page, 'wijkagent@politie.example', { sub: 'pol-4711', amr: ['pwd'] });
  await expect(refusal(page)).toContainText('niet bevestigd dat je met een tweede factor');
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('an IdP that is down gets a clear message, and an account with a password still signs in locally', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill('behandelaar@altrecht.example');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'niet bereikbaar' }).first()).toBeVisible();

  await page.getByLabel('Wachtwoord').fill(LOCAL_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  // The password is right: on to setting up the authenticator app, as for any local account.
  await expect(page).toHaveURL(/\/login\/(enrol|verify)/);
  await admin.close();
});
