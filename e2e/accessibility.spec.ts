import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { ROLES, screenshot, signInAndWait } from './helpers';

test('the sign-in page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await page.goto('/login');
  await expectAccessible(page);
  await screenshot(page, 'login');
});

for (const [role, account] of Object.entries(ROLES)) {
  test(`the home page of the ${role} has no WCAG 2.1 A/AA violations`, async ({ page }) => {
    await signInAndWait(page, account.email);
    await expectAccessible(page);
  });
}

test('Beheer has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await signInAndWait(page, ROLES.admin.email);
  await page.goto('/admin');
  await expectAccessible(page);
});

test('the case pages have no WCAG 2.1 A/AA violations', async ({ page }) => {
  await signInAndWait(page, ROLES.regisseur.email);
  await page.goto('/cases');
  await expectAccessible(page);
  await screenshot(page, 'cases-regisseur');
  await page.goto('/cases/new');
  await expectAccessible(page);
  await page.goto('/cases?q=Jan+de+Vries');
  await page.getByRole('link', { name: /ZVH-/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Tijdlijn' })).toBeVisible();
  await expectAccessible(page);
});

test('the audit log page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await signInAndWait(page, ROLES.admin.email);
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-log')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'admin-audit');
});

// Best-practice rules that the WCAG tags above do not run: headings that skip no level, and landmarks
// that each have a name of their own (a screen reader lists them by name).
async function expectOrderlyHeadingsAndLandmarks(page: Page) {
  await expectAccessible(page, { rules: ['heading-order', 'landmark-unique'] });
  // heading-order only looks at each heading and the one before it; the levels as a list say it plainly.
  const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
  expect(levels[0]).toBe(1);
  const skips = levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${level}`] : []));
  expect(skips).toEqual([]);
}

test('every page has a favicon that answers, signed in or not', async ({ page, request }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel~="icon"]').first().getAttribute('href');
  expect(href).toMatch(/^\/favicon\.ico/);
  // Signed out: the icon is no page, so it is not sent to the sign-in page either.
  const icon = await request.get('/favicon.ico', { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await icon.body()).readUInt16LE(2)).toBe(1); // an ICO file, not an HTML page
  await signInAndWait(page, ROLES.professional.email);
  expect((await page.request.get(href!)).status()).toBe(200);
});

test('Mijn afspraken skips no heading level', async ({ page }) => {
  await signInAndWait(page, ROLES.professional.email);
  await page.goto('/my-agreements');
  await expect(page.getByRole('heading', { name: 'Mijn afspraken', level: 1 })).toBeVisible();
  await expect(page.getByTestId('agreement').first()).toBeVisible();
  await expectOrderlyHeadingsAndLandmarks(page);
});

test('the case page gives every landmark a name of its own', async ({ page }) => {
  await signInAndWait(page, ROLES.regisseur.email);
  await page.goto('/cases?q=Jan+de+Vries');
  await page.getByRole('link', { name: /ZVH-/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Wie heeft deze casus ingezien' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Wie heeft deze casus ingezien' })).toHaveCount(1);
  await expectOrderlyHeadingsAndLandmarks(page);
});

test("the manager's dashboard skips no heading level and names its landmarks apart", async ({ page }) => {
  await signInAndWait(page, ROLES.manager.email);
  await page.goto('/dashboard');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await expectOrderlyHeadingsAndLandmarks(page);
});
