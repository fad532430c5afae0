import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, fillSignIn, ROLES, screenshot, signIn, signInAndWait } from './helpers';

for (const [role, account] of Object.entries(ROLES)) {
  test(`${role} signs in and sees the navigation of that role`, async ({ page }) => {
    await signInAndWait(page, account.email);
    await expect(page.getByTestId('current-user')).toContainText(account.name);
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await expect(nav.getByRole('link')).toHaveText([...account.nav]);
    await screenshot(page, `home-${role}`);
  });
}

test('a wrong password shows the error and gives no session', async ({ page, context }) => {
  const failure = page.getByRole('alert').filter({ hasText: /\S/ });
  await signIn(page, ROLES.regisseur.email, 'Niet-het-wachtwoord-1');
  await expect(failure).toHaveText('E-mailadres of wachtwoord onjuist.');
  // An unknown account gets exactly the same answer, so accounts cannot be discovered.
  await signIn(page, 'onbekend@example.org', DEMO_PASSWORD);
  await expect(failure).toHaveText('E-mailadres of wachtwoord onjuist.');
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.includes('casusregie.session'))).toBe(false);
  await page.goto('/cases');
  await expect(page).toHaveURL(/\/login/);
  await screenshot(page, 'login-error');
});

test('an empty form gets field errors in Dutch', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill('geen-adres');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByText('Vul een geldig e-mailadres in, zoals naam@organisatie.nl.', { exact: true })).toBeVisible();
  await expect(page.getByText('Vul je wachtwoord in.', { exact: true })).toBeVisible();
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  // The error summary above the form has the focus and leads to each field.
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Wachtwoord: Vul je wachtwoord in.' }).click();
  await expect(page.getByLabel('Wachtwoord')).toBeFocused();
});

test('a signed-out visitor of a protected page lands on /login and returns there after sign-in', async ({ page }) => {
  await page.goto('/signals');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsignals$/);
  await fillSignIn(page, ROLES.regisseur.email);
  await expect(page).toHaveURL(/\/signals$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signalen');
});

test('a section of another role answers 404, not its content', async ({ page }) => {
  await signInAndWait(page, ROLES.professional.email);
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Niet gevonden' })).toBeVisible();
});

test('after sign-out the old session cookie no longer works', async ({ page, context, browser }) => {
  await signInAndWait(page, ROLES.manager.email);
  const stolen = await context.cookies();
  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/login/);
  const replay = await browser.newContext();
  await replay.addCookies(stolen);
  const other = await replay.newPage();
  await other.goto('/dashboard');
  await expect(other).toHaveURL(/\/login/);
  await replay.close();
});

test('the language switches to English and back', async ({ page }) => {
  await signInAndWait(page, ROLES.regisseur.email);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link')).toHaveText([
    'Cases',
    'Meetings',
    'Agreements',
    'Signals',
    'Steering group report',
    'Dashboard',
    'Data-subject requests',
  ]);
  // British English: dates day-month-year.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
  await page.getByRole('button', { name: 'Wissel naar Nederlands' }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
});
