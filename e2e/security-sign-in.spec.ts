/**
 * The security suite, written to be read by an auditor (see also the other security-*.spec.ts). It runs against
 * a server of its own (a fresh embedded database, its log captured), so that it disturbs no other journey.
 *
 *  5. brute force: the account lock, the same answer for every refusal
 *  6. two-factor sign-in: enrolment with QR code and recovery codes, a reused code refused
 *  7. rate limits on case search; password rules; error bodies without stack traces
 *  9. a canary password and subject name that never appear in the server's log
 */
import { expect, test } from '@playwright/test';
import { timeStep, totpCode } from '../lib/auth/totp';
import { expectAccessible } from './axe';
import { DEMO_PASSWORD, DEMO_TOTP_SECRETS, enterCode, nextCode, screenshot, signIn, signInAndWait } from './helpers';
import {
  BASE,
  CANARY_NAME,
  CANARY_PASSWORD,
  FAILED,
  newContext,
  noStackTrace,
  ownSecurityServer,
  scriptClient,
  scriptSignIn,
  uuid,
} from './security-helpers';

const server = ownSecurityServer('sign-in');

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
  await signInAndWait(otherPage, email, { newSession: true });
  await signInAndWait(page, email, { newSession: true });
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
// 9. The log

test('the canary password, the canary name, codes and secrets never appear in the server log', async () => {
  // Everything above ran against this server; give its log a moment to flush.
  await new Promise((r) => setTimeout(r, 500));
  const output = server().log();
  expect(output).toContain('Casusregie luistert op');
  const lower = output.toLowerCase();
  expect(lower).not.toContain('kanarie');
  expect(lower).not.toContain('zwijgzaam');
  expect(output).not.toContain(DEMO_PASSWORD);
  for (const secret of Object.values(DEMO_TOTP_SECRETS)) expect(output).not.toContain(secret);
  expect(output).not.toContain('$argon2id$');
  expect(output).not.toMatch(/eyJhbGciOi/); // no session token
});
