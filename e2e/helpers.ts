import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_TOTP_SECRETS } from '../lib/seed/demo-data';
import { TOTP_PERIOD_SECONDS, timeStep, totpCode } from '../lib/auth/totp';

export const DEMO_PASSWORD = 'Casusregie-demo-2026';
export { DEMO_TOTP_SECRETS };

export const ROLES = {
  admin: { email: 'admin@example.org', name: 'Sanne Vermeulen', nav: ['Beheer'] },
  manager: { email: 'manager@example.org', name: 'Hans de Wit', nav: ['Dashboard', 'Casussen', 'Signalen', 'Stuurgroeprapportage'] },
  regisseur: { email: 'regisseur@example.org', name: 'Ingrid Bakker', nav: ['Casussen', 'Overleggen', 'Afspraken', 'Signalen', 'Stuurgroeprapportage', 'Dashboard', 'AVG-verzoeken'] },
  professional: { email: 'politie@example.org', name: 'Mark Jansen', nav: ['Mijn afspraken', 'Casussen', 'Overleggen', 'AVG-verzoeken'] },
} as const;

// ---------------------------------------------------------------------------------------------------
// TOTP codes for the demo accounts. The server accepts each time step once per account (replay
// protection) and one step of drift either way, so a journey can sign in the same account about once per
// 30 seconds, in bursts of three. The steps used are kept per server (its data directory is fresh on
// every run), so a restarted worker does not offer a code twice.

function stepsFile(baseURL: string): string {
  const port = new URL(baseURL).port || '80';
  return path.join('.data', `e2e-${port}`, 'totp-steps.json');
}

function readSteps(baseURL: string): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(stepsFile(baseURL), 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

function recordStep(baseURL: string, email: string, step: number) {
  const file = stepsFile(baseURL);
  const steps = readSteps(baseURL);
  steps[email] = Math.max(steps[email] ?? 0, step);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(steps));
}

/** The next time step whose code the server will still accept now, or null when the account must wait. */
function freeStep(baseURL: string, email: string, now = Date.now()): number | null {
  const last = readSteps(baseURL)[email] ?? 0;
  const current = timeStep(now);
  const intoStep = now / 1000 - current * TOTP_PERIOD_SECONDS;
  // The previous step only while it is safely inside the drift window when the server checks it.
  const candidates = [...(intoStep < 20 ? [current - 1] : []), current, current + 1];
  return candidates.find((step) => step > last) ?? null;
}

/** A fresh code for a demo account (waits for the next time step when the account used them all). */
export async function nextCode(baseURL: string, email: string): Promise<string> {
  const secret = DEMO_TOTP_SECRETS[email];
  if (!secret) throw new Error(`${email} has no demo TOTP secret`);
  for (;;) {
    const step = freeStep(baseURL, email);
    if (step !== null) {
      recordStep(baseURL, email, step);
      return totpCode(secret, step);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const baseOf = (page: Page) => new URL(page.url()).origin;

// ---------------------------------------------------------------------------------------------------
// Signing in through the form: password, then the code.

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await fillSignIn(page, email, password);
}

/**
 * Fills the sign-in form on the page as it is (keeping its callbackUrl). A right password leads to the
 * code step, where the demo account's current TOTP code is entered; a wrong one leaves the error shown.
 */
export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  const code = page.getByLabel('Verificatiecode');
  const failure = page.getByRole('alert').filter({ hasText: /\S/ });
  const fieldError = page.locator('[aria-invalid="true"]');
  await expect(code.or(failure).or(fieldError).first()).toBeVisible();
  if (await code.isVisible()) await enterCode(page, email);
}

/** The code step: enters the account's current code and confirms. */
export async function enterCode(page: Page, email: string) {
  await page.getByLabel('Verificatiecode').fill(await nextCode(baseOf(page), email));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
}

// Sessions of earlier sign-ins, per server and account: when an account has used its codes of the moment,
// signInAndWait continues such a session (if it still lives) instead of waiting half a minute.
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>();

/**
 * Signs `page` in as `email`. A test about sessions themselves (one ends, another goes on) passes
 * `{ newSession: true }`: without it the page may continue an earlier session of the account, and two pages
 * would then share one session without the test knowing.
 */
export async function signInAndWait(page: Page, email: string, options: { newSession?: boolean } = {}) {
  await page.goto('/login');
  const base = baseOf(page);
  const key = `${base} ${email}`;
  const saved = options.newSession ? undefined : sessions.get(key);
  if (saved && freeStep(base, email) === null) {
    await page.context().addCookies(saved);
    await page.goto('/');
    if (!new URL(page.url()).pathname.startsWith('/login')) {
      await expect(page.getByTestId('current-user')).toBeVisible();
      return;
    }
    await page.context().clearCookies();
    await page.goto('/login');
  }
  await fillSignIn(page, email);
  await expect(page.getByTestId('current-user')).toBeVisible();
  sessions.set(key, (await page.context().cookies()).filter((c) => c.name.includes('casusregie.session')));
}

/** A new browser context signed in as `email`; close it when done. */
export async function signedInContext(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email);
  return { context, page };
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
