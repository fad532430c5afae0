import { expect, test } from '@playwright/test';
import { SECTION_PATHS } from '../lib/access/sections';
import { ROLES, signInAndWait } from './helpers';

/*
 * Navigation follows the access policy: every link a role finds opens (200), and every section not in
 * its navigation does not exist for that role (404).
 */
for (const [role, account] of Object.entries(ROLES)) {
  test(`${role}: every navigation link opens, every other section is a 404`, async ({ page }) => {
    await signInAndWait(page, account.email);
    const links = page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link');
    await expect(links).toHaveText([...account.nav]);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    for (const path of Object.values(SECTION_PATHS).filter((p) => !hrefs.includes(p))) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: 'Niet gevonden' })).toBeVisible();
    }
  });
}

test('a manager reaches the stuurgroep report from the navigation, marked as the current page', async ({ page }) => {
  await signInAndWait(page, ROLES.manager.email);
  const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  await nav.getByRole('link', { name: 'Stuurgroeprapportage' }).click();
  await expect(page).toHaveURL(/\/signals\?view=stuurgroep$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Stuurgroeprapportage' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Stuurgroeprapportage' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Signalen' })).not.toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Signalen' }).click();
  await expect(page).toHaveURL(/\/signals$/);
  await expect(nav.getByRole('link', { name: 'Signalen' })).toHaveAttribute('aria-current', 'page');
});
