import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Casusregie-demo-2026';

export const ROLES = {
  admin: { email: 'admin@example.org', name: 'Sanne Vermeulen', nav: ['Beheer'] },
  manager: { email: 'manager@example.org', name: 'Hans de Wit', nav: ['Dashboard', 'Casussen'] },
  regisseur: { email: 'regisseur@example.org', name: 'Ingrid Bakker', nav: ['Casussen', 'Overleggen', 'Afspraken', 'Signalen'] },
  professional: { email: 'politie@example.org', name: 'Mark Jansen', nav: ['Mijn afspraken', 'Casussen'] },
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await fillSignIn(page, email, password);
}

/** Fills the sign-in form on the page as it is (keeping its callbackUrl). */
export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

export async function signInAndWait(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
