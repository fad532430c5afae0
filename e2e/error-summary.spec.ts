import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { screenshot, signInAndWait } from './helpers';

// A regisseur of her own, so the journeys of the other regisseur keep their sign-in codes.
const REGISSEUR = 'regisseur2@example.org';

/** The label or legend of the element that has the focus, as the user reads it. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    // A yes/no question is named by its legend; its options by their own labels.
    const option = el?.type === 'radio' || el?.type === 'checkbox';
    const source = option ? el?.closest('fieldset')?.querySelector('legend') : el?.labels?.[0];
    return source?.firstChild?.textContent?.trim() ?? null;
  });

test('a failed referral: the error summary takes the focus, lists each field once, and each link focuses its field', async ({ page }) => {
  await signInAndWait(page, REGISSEUR);
  await page.goto('/cases/new');
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Samenvatting Proef');
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary).toContainText('Controleer de gemarkeerde velden.');
  await screenshot(page, 'error-summary');
  await expectAccessible(page);

  // An empty birth date gives one message, not "Gebruik de vorm …", "bestaat niet" and "vóór 1900" at once.
  const birthDate = summary.getByRole('link', { name: /^Geboortedatum: / });
  await expect(birthDate).toHaveText('Geboortedatum: Vul de geboortedatum in.');
  const birthDateField = page.getByRole('textbox', { name: 'Geboortedatum' });
  await expect(birthDateField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('main')).not.toContainText('bestaat niet');
  await expect(page.locator('main')).not.toContainText('vóór 1900');

  // Each field is named with its message, once; each link moves the focus to the field it names.
  const links = summary.getByRole('link');
  const texts = await links.allTextContents();
  expect(texts.length).toBeGreaterThanOrEqual(6);
  expect(new Set(texts.map((text) => text.split(':')[0])).size).toBe(texts.length);
  for (const [i, text] of texts.entries()) {
    const [label] = text.split(': ');
    await links.nth(i).click();
    expect(await focusedLabel(page), text).toBe(label);
    await expect(page.locator(':focus')).toBeInViewport();
  }
  await birthDate.click();
  await expect(birthDateField).toBeFocused();

  // The date is typed day-month-year (what the hint says), whatever the browser's language; it is kept as typed.
  await expect(page.getByText('Vorm: dd-mm-jjjj.')).toBeVisible();
  await birthDateField.fill('31-12-1970');
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /^Geboortedatum: / })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Geboortedatum' })).toHaveValue('31-12-1970');
  await expect(page.getByRole('textbox', { name: 'Geboortedatum' })).toHaveAttribute('aria-invalid', 'false');

  // Something that is no date at all: one message that says how to type it.
  await page.getByRole('textbox', { name: 'Geboortedatum' }).fill('gisteren');
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(summary.getByRole('link', { name: /^Geboortedatum: / })).toHaveText(
    'Geboortedatum: Vul de datum in als dag-maand-jaar, bijvoorbeeld 31-12-2026.',
  );
  await page.goto('/cases?q=Samenvatting+Proef');
  await expect(page.getByText('Samenvatting Proef')).toHaveCount(0);
});

test('in English, dates read day-month-year, on pages and in date fields', async ({ page, baseURL }) => {
  await signInAndWait(page, REGISSEUR);
  await page.context().addCookies([{ name: 'casusregie.locale', value: 'en', url: baseURL! }]);
  await page.goto('/cases?q=Jan+de+Vries');
  await page.getByRole('link', { name: /ZVH-/ }).first().click();
  const main = page.locator('main');
  await expect(main.getByRole('heading', { level: 2 }).first()).toBeVisible();
  const text = (await main.innerText()).replace(/\s+/g, ' ');
  // "4 March 2026" or "04/03/2026", never "March 4, 2026" or "3/4/2026".
  expect(text).toMatch(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\b/);
  expect(text).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}, \d{4}\b/);
  await page.goto('/cases/new');
  await expect(page.getByText('Format: dd-mm-yyyy.')).toBeVisible();
  await screenshot(page, 'referral-english');
});
