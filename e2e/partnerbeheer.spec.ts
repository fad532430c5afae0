import { expect, test } from '@playwright/test';
import { screenshot, signedInContext, signInAndWait } from './helpers';
import { expectAccessible } from './axe';
import { ownSecurityServer } from './security-helpers';

/*
 * A partner organisation's own administration: the police's partnerbeheerder asks to invite a colleague
 * (the house approves it), blocks one, and finds another organisation's account does not exist (404),
 * while its screen shows its convened cases as numbers only. On a server of its own, since it blocks an
 * account the other journeys sign in with.
 */
ownSecurityServer('partnerbeheer');

const BEHEER = 'partnerbeheer.politie@example.org';
const COLLEAGUE = { name: 'Kees Wijkagent', email: 'kees.wijkagent@politie.example' };

test('a partnerbeheerder invites a colleague, blocks one, and gets 404 for another organisation’s user', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // Another organisation's account id, as someone might guess or copy it: the admin's overview has it.
  const admin = await signedInContext(browser, 'admin@example.org');
  await admin.page.goto('/admin');
  const ggzHref = await admin.page.getByTestId('user-ggz@example.org').getByRole('link').getAttribute('href');
  const ggzId = ggzHref!.split('/').pop()!;
  await admin.context.close();

  await signInAndWait(page, BEHEER);
  // Its home is its organisation's user administration, the only item in its navigation.
  await page.goto('/');
  await expect(page).toHaveURL(/\/partnerbeheer$/);
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link')).toHaveText(['Gebruikersbeheer']);
  await expect(page.getByRole('heading', { name: 'Gebruikersbeheer', level: 1 })).toBeVisible();

  // Cases by number only: a count, no case number, no link to a case.
  const cases = page.getByTestId('convened-cases');
  await expect(cases).toContainText(/Op dit moment bij (één casus|\d+ casussen) aangesloten\./);
  await expect(page.locator('a[href^="/cases"]')).toHaveCount(0);

  // Only its own organisation's accounts, with their last sign-in.
  const users = page.getByTestId('own-users');
  await expect(users.getByTestId('user-politie@example.org')).toBeVisible();
  await expect(users.getByTestId(`user-${BEHEER}`)).toBeVisible();
  await expect(users.locator('tbody tr')).toHaveCount(2);
  await expect(users).not.toContainText('ggz@example.org');

  // Invite a colleague: the request waits for the house's approval.
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(COLLEAGUE.name);
  await page.getByLabel('E-mailadres').fill(COLLEAGUE.email);
  await page.getByRole('button', { name: 'Uitnodiging aanvragen' }).click();
  await expect(page.getByTestId('invitation-requested')).toContainText(`Uitnodiging voor ${COLLEAGUE.email} aangevraagd.`);
  await expect(page.getByTestId(`pending-${COLLEAGUE.email}`)).toContainText(COLLEAGUE.name);

  // Block a colleague: asked to confirm, then the account is blocked.
  const row = users.getByTestId('user-politie@example.org');
  await row.getByRole('button', { name: 'Mark Jansen blokkeren' }).click();
  await row.getByRole('button', { name: 'Ja, blokkeren' }).click();
  await expect(row.getByText('Geblokkeerd', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Mark Jansen deblokkeren' })).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, 'partnerbeheer-1440');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'partnerbeheer-360');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Its own colleague's page: security state and re-enrolment.
  await row.getByRole('link', { name: 'Mark Jansen' }).click();
  await expect(page.getByRole('heading', { name: 'Mark Jansen' })).toBeVisible();
  await expect(page.getByTestId('user-status')).toHaveText('Geblokkeerd');
  await expect(page.getByRole('button', { name: 'Tweestapsverificatie opnieuw laten instellen' })).toBeVisible();
  await screenshot(page, 'partnerbeheer-user-1440');

  // Another organisation's account, by its id: it does not exist for a partnerbeheerder.
  const other = await page.goto(`/partnerbeheer/users/${ggzId}`);
  expect(other?.status()).toBe(404);
  // Nor do the admin screens or any case.
  expect((await page.goto(`/admin/users/${ggzId}`))?.status()).toBe(404);
  expect((await page.goto('/cases'))?.status()).toBe(404);
});

test('the admin sees the colleague blocked, and the attempt on the other account denied in the audit log', async ({ browser }) => {
  const admin = await signedInContext(browser, 'admin@example.org');
  await admin.page.goto('/admin');
  await expect(admin.page.getByTestId('user-politie@example.org')).toContainText('Geblokkeerd');
  await admin.page.goto('/admin/audit?outcome=denied&user=Anouk%20Hendriks');
  await expect(admin.page.getByRole('main')).toContainText('Anouk Hendriks');
  await admin.context.close();
});
