import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ROLES, screenshot, signInAndWait } from './helpers';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

test('the sign-in page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await page.goto('/login');
  await expectNoViolations(page);
  await screenshot(page, 'login');
});

for (const [role, account] of Object.entries(ROLES)) {
  test(`the home page of the ${role} has no WCAG 2.1 A/AA violations`, async ({ page }) => {
    await signInAndWait(page, account.email);
    await expectNoViolations(page);
  });
}

test('Beheer has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await signInAndWait(page, ROLES.admin.email);
  await page.goto('/admin');
  await expectNoViolations(page);
});

test('the case pages have no WCAG 2.1 A/AA violations', async ({ page }) => {
  await signInAndWait(page, ROLES.regisseur.email);
  await page.goto('/cases');
  await expectNoViolations(page);
  await screenshot(page, 'cases-regisseur');
  await page.goto('/cases/new');
  await expectNoViolations(page);
  await page.goto('/cases?q=Jan+de+Vries');
  await page.getByRole('link', { name: /ZVH-/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Tijdlijn' })).toBeVisible();
  await expectNoViolations(page);
});

test('the audit log page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await signInAndWait(page, ROLES.admin.email);
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-log')).toBeVisible();
  await expectNoViolations(page);
  await screenshot(page, 'admin-audit');
});
