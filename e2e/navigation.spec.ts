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
