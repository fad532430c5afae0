import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 levels A and AA: what Dutch public services must meet (EN 301 549). */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The page's accessibility violations as axe finds them, one line each (rule, help, where), so a failing
 * test says what to fix. By default all of WCAG 2.1 A/AA on the whole page; `within` limits the check to one
 * part of it, `rules` to named rules.
 */
export async function axeViolations(page: Page, options: { within?: string; rules?: string[] } = {}): Promise<string[]> {
  // Next.js streams a page's metadata: after a server action re-renders the page, its <title> arrives a
  // moment after the body, and axe run in between reports a document without a title.
  await expect(page).toHaveTitle(/\S/);
  let axe = new AxeBuilder({ page });
  axe = options.rules ? axe.withRules(options.rules) : axe.withTags(WCAG_AA);
  if (options.within) axe = axe.include(options.within);
  const results = await axe.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Fails the test with axe's findings when the page (or the part `within` names) has any. */
export async function expectAccessible(page: Page, options: { within?: string; rules?: string[] } = {}) {
  expect(await axeViolations(page, options)).toEqual([]);
}
