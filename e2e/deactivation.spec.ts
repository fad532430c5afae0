import { expect, test } from '@playwright/test';
import { screenshot, signInAndWait } from './helpers';

test("a deactivated user's existing session stops working on the next request", async ({ browser }) => {
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signInAndWait(user, 'reclassering@example.org');
  await user.goto('/cases');
  await expect(user.getByRole('heading', { level: 1 })).toHaveText('Casussen');

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAndWait(admin, 'admin@example.org');
  await admin.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Beheer' }).click();
  const row = admin.getByTestId('user-reclassering@example.org');
  await row.getByRole('button', { name: 'Fatima Ouali blokkeren' }).click();
  // Blocking ends her sessions at once: the admin is asked first, and the answer has the focus.
  await expect(row.getByRole('group', { name: /^Fatima Ouali blokkeren: weet je het zeker\?/ })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Ja, blokkeren' })).toBeFocused();
  await row.getByRole('button', { name: 'Annuleren' }).click();
  await expect(row.getByText('Actief')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Fatima Ouali blokkeren' })).toBeFocused();
  await row.getByRole('button', { name: 'Fatima Ouali blokkeren' }).click();
  await row.getByRole('button', { name: 'Ja, blokkeren' }).click();
  await expect(row.getByText('Geblokkeerd')).toBeVisible();
  await screenshot(admin, 'admin-users');

  await user.reload();
  await expect(user).toHaveURL(/\/login/);
  const api = await user.request.get('/api/v1/me');
  expect(api.status()).toBe(401);

  // Unblocking does not revive the old session: a new sign-in is needed.
  await row.getByRole('button', { name: 'Fatima Ouali deblokkeren' }).click();
  await expect(row.getByText('Actief')).toBeVisible();
  await user.goto('/cases');
  await expect(user).toHaveURL(/\/login/);
  await userContext.close();
  await adminContext.close();
});
