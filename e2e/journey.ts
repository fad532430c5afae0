import type { Browser, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { signedInContext } from './helpers';

// What the journeys share besides signing in (./helpers.ts).

/** A page in a browser context of its own, signed in as `email`. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  return (await signedInContext(browser, email)).page;
}

/** A date n days from today in Europe/Amsterdam, as a date input takes it. */
export function inDays(n: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + n * 86_400_000));
}

/** No WCAG 2.1 A/AA violations in the page's content; the header and navigation have their own checks (accessibility.spec.ts). */
export async function expectMainAccessible(page: Page) {
  await expectAccessible(page, { within: 'main' });
}
