import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { ROLES, screenshot, signInAndWait } from './helpers';

/**
 * Every main page of every role on a phone (360 × 740) and on a wide screen (1440): the page never scrolls
 * sideways (a table scrolls inside its own box), the header is one line with a menu button on the phone, and
 * axe finds nothing. Screenshots land in e2e/screenshots/small-<role>-<page>-<width>.png.
 */
const PHONE = { width: 360, height: 740 };
const WIDE = { width: 1440, height: 900 };

/** The elements that stick out past the right edge, deepest first: what to fix when a page is too wide. */
async function overflowing(page: Page, width: number) {
  return page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.right <= limit + 0.5 || box.width === 0) continue;
      if (Array.from(el.children).some((c) => c.getBoundingClientRect().right > limit + 0.5)) continue;
      let inScroller = false;
      for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible' && p.scrollWidth > p.clientWidth) inScroller = true;
      if (!inScroller) out.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} right=${Math.round(box.right)}`);
    }
    return out.slice(0, 8);
  }, width);
}

async function checkPage(page: Page, role: string, name: string) {
  for (const size of [PHONE, WIDE]) {
    await page.setViewportSize(size);
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect.soft(width, `${role} ${name} at ${size.width}px is ${width}px wide: ${(await overflowing(page, size.width)).join(' | ')}`).toBeLessThanOrEqual(size.width);
    expect.soft(await axeViolations(page), `${role} ${name} at ${size.width}px`).toEqual([]);
    await screenshot(page, `small-${role}-${name}-${size.width}`);
  }
  await page.setViewportSize(PHONE);
}

const pathsOf = (page: Page, nav: string) =>
  page.locator(`nav[aria-label="${nav}"] a`).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

/**
 * The pages of a role: home, each section of its navigation (and of Beheer's tabs), the first detail page
 * listed there, and the account.
 */
async function mainPages(page: Page): Promise<{ name: string; path: string }[]> {
  await page.goto('/');
  const sections = await pathsOf(page, 'Hoofdnavigatie');
  if (sections.includes('/admin')) {
    await page.goto('/admin');
    sections.push(...(await pathsOf(page, 'Beheer')).filter((path) => !sections.includes(path)));
  }
  const pages = [{ name: 'home', path: '/' }];
  for (const section of sections) {
    pages.push({ name: section.slice(1).replaceAll('/', '-'), path: section });
    await page.goto(section);
    // The first detail page a section lists: a case, a meeting, an organisation.
    const detail = page.locator('main a[href]').filter({ hasNot: page.locator('[aria-current]') });
    const hrefs = await detail.evaluateAll((links, base) =>
      links.map((a) => new URL((a as HTMLAnchorElement).href).pathname).filter((p) => p.startsWith(`${base}/`) && /\/[0-9a-f-]{36}$/.test(p)), section);
    if (hrefs[0]) pages.push({ name: `${section.slice(1).replaceAll('/', '-')}-detail`, path: hrefs[0] });
  }
  pages.push({ name: 'account', path: '/account' });
  return pages;
}

for (const [role, account] of Object.entries(ROLES)) {
  test(`every main page of the ${role} fits a 360 px phone and a 1440 px screen, axe clean`, async ({ page }) => {
    test.setTimeout(300_000);
    await signInAndWait(page, account.email);
    await page.setViewportSize(PHONE);
    // The header is compact on the phone: the name, the notifications and a menu button, not a wall of links
    // (it was 213–230 px high); the menu holds the user, the account, the language and signing out.
    const header = page.locator('header').first();
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    await expect(page.getByTestId('current-user')).toBeHidden();
    const menu = header.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('current-user')).toContainText(account.name);
    await expect(header.getByRole('link', { name: 'Mijn account' })).toBeVisible();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, `small-${role}-menu-open-360`);
    await page.keyboard.press('Escape');
    await expect(menu).toBeFocused();
    await expect(page.getByTestId('current-user')).toBeHidden();
    // The navigation stays one line on the phone.
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    expect((await nav.boundingBox())!.height).toBeLessThanOrEqual(52);
    const pages = await mainPages(page);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const { name, path } of pages) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      await checkPage(page, role, name);
    }
  });
}
