import { expect, test } from '@playwright/test';
import { signInAndWait } from './helpers';

/*
 * A user who switched the pages to English gets the refusals of a form in English too: the summary,
 * our own field messages and zod's. Creates nothing (the referral is refused).
 */
test('after switching to English, a refused form explains itself in English', async ({ page }) => {
  await signInAndWait(page, 'politie@example.org');
  await page.goto('/cases/new');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('button', { name: 'Send referral' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Onvolledig Persoon');
  await page.getByLabel('Date of birth').fill('2999-01-01');
  await page.getByRole('button', { name: 'Send referral' }).click();

  await expect(page.getByText('Check the highlighted fields.')).toBeVisible();
  await expect(page.getByText('The date of birth is in the future.', { exact: true })).toBeVisible();
  await expect(page.getByText('Choose a municipality.', { exact: true }).or(page.getByText('Choose a municipality from the list.', { exact: true }))).toBeVisible();
  await expect(page.getByText('Answer this criterion with yes or no.').first()).toBeVisible();
  await expect(page.getByText('Controleer de gemarkeerde velden.')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Onvolledig Persoon');

  // The API answers the same browser in the language of its page, and Dutch when asked for Dutch.
  const refused = await page.request.post('/api/v1/cases', { data: {}, headers: { 'accept-language': 'en' } });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error).toBe('Check the highlighted fields.');
  const dutch = await page.request.post('/api/v1/cases', { data: {}, headers: { 'accept-language': 'nl' } });
  expect((await dutch.json()).error).toBe('Controleer de gemarkeerde velden.');
});
