import { expect, test } from '@playwright/test';
import { screenshot, signInAndWait } from './helpers';
import { expectMainAccessible, inDays, signedInPage } from './journey';

// Journey: a regisseur makes an agreement owned by the police on a case the police are convened to; the
// police professional works it off in "Mijn afspraken"; the regisseur sees it done on the case page.

test('an agreement for the police is made, worked off in Mijn afspraken, and seen done by the regisseur', async ({ browser }) => {
  const description = `Huisbezoek afleggen en zicht houden op de woning (${Date.now().toString(36)})`;

  // The regisseur makes the agreement on Sem Bakker's case (police, OM, reclassering and Amersfoort are convened).
  const regisseur = await signedInPage(browser, 'regisseur@example.org');
  await regisseur.goto('/cases?q=Sem+Bakker');
  await regisseur.getByRole('link', { name: /ZVH-/ }).first().click();
  const section = regisseur.locator('section#agreements');
  await expect(section.getByRole('heading', { name: 'Afspraken', level: 2 })).toBeVisible();
  const owner = section.getByLabel('Uitvoerende organisatie');
  // Only convened partners are offered.
  await expect(owner.locator('option', { hasText: 'Politie Midden-Nederland' })).toHaveCount(1);
  await expect(owner.locator('option', { hasText: 'Altrecht GGZ' })).toHaveCount(0);

  // A due date in the past is refused with a Dutch message, and the values stay.
  await section.getByLabel('Wat is afgesproken?').fill(description);
  await owner.selectOption({ label: 'Politie Midden-Nederland' });
  await section.getByLabel('Uiterlijk klaar op').fill(inDays(-2));
  await section.getByRole('button', { name: 'Afspraak maken' }).click();
  await expect(section.getByText('De einddatum ligt in het verleden.', { exact: true })).toBeVisible();
  await expect(section.getByTestId('case-agreement').filter({ hasText: description })).toHaveCount(0);

  await expect(section.getByLabel('Wat is afgesproken?')).toHaveValue(description);
  await section.getByLabel('Uitvoerende professional').selectOption({ label: 'Mark Jansen' });
  await section.getByLabel('Uiterlijk klaar op').fill(inDays(14));
  await section.getByRole('button', { name: 'Afspraak maken' }).click();
  await expect(section.getByText('Afspraak gemaakt.')).toBeVisible();
  const caseRow = section.getByTestId('case-agreement').filter({ hasText: description });
  await expect(caseRow.getByTestId('agreement-status')).toHaveText('Open');
  await expect(caseRow).toContainText('Politie Midden-Nederland · Mark Jansen');

  // The police professional finds it in Mijn afspraken.
  const politie = await signedInPage(browser, 'politie@example.org');
  await politie.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Mijn afspraken' }).click();
  await expect(politie.getByRole('heading', { name: 'Mijn afspraken', level: 1 })).toBeVisible();
  const card = politie.getByTestId('agreement').filter({ hasText: description });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('agreement-status')).toHaveText('Open');
  await expect(card).toContainText('Op jouw naam');

  // Progress: the row updates at once.
  await card.getByRole('button', { name: 'Voortgang vastleggen' }).click();
  await card.getByLabel('Wat heb je gedaan?').fill('Huisbezoek afgelegd; niemand thuis, briefje achtergelaten.');
  await card.getByRole('button', { name: 'Voortgang vastleggen' }).click();
  await expect(card.getByText('Voortgang vastgelegd.')).toBeVisible();
  await expect(card.getByTestId('agreement-status')).toHaveText('In uitvoering');
  await expect(card.getByTestId('agreement-last-progress')).not.toHaveText('Nog niets vastgelegd');

  // A script posts the same entry twice with one Idempotency-Key: one entry, the replay answers 200.
  const listed = await politie.request.get('/api/v1/agreements');
  expect(listed.status()).toBe(200);
  const agreement = (await listed.json()).items.find((a: { description: string }) => a.description === description);
  expect(agreement).toMatchObject({ status: 'in_uitvoering', ownerOrganisationName: 'Politie Midden-Nederland', overdue: false });
  const key = `e2e-${Date.now()}-idempotent`;
  const entry = { kind: 'voortgang', note: 'Telefonisch contact gehad met de moeder.' };
  const first = await politie.request.post(`/api/v1/agreements/${agreement.id}/actions`, { data: entry, headers: { 'Idempotency-Key': key } });
  expect(first.status()).toBe(201);
  const replay = await politie.request.post(`/api/v1/agreements/${agreement.id}/actions`, { data: entry, headers: { 'Idempotency-Key': key } });
  expect(replay.status()).toBe(200);
  expect((await replay.json()).id).toBe((await first.json()).id);
  const notes = async () =>
    ((await (await politie.request.get(`/api/v1/agreements/${agreement.id}/actions`)).json()).items as { kind: string; note: string }[]);
  expect((await notes()).filter((n) => n.note === entry.note)).toHaveLength(1);

  // A failing connection: the optimistic row is rolled back with a Dutch message; every retry sent the same key.
  const keys: string[] = [];
  await politie.route('**/api/v1/agreements/*/actions', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    await route.abort('connectionfailed');
  });
  await card.getByRole('button', { name: 'Blokkade melden' }).click();
  await card.getByLabel('Waarom lukt het niet?').fill('Wacht op toestemming van de officier.');
  await card.getByRole('button', { name: 'Blokkade melden' }).click();
  await expect(card.getByRole('alert')).toHaveText('Niet opgeslagen: de server is niet bereikbaar. De afspraak staat weer zoals hij was.');
  await expect(card.getByText('Geblokkeerd', { exact: true })).toHaveCount(0);
  expect(keys.length).toBe(3);
  expect(new Set(keys).size).toBe(1);
  await politie.unroute('**/api/v1/agreements/*/actions');
  await card.getByRole('button', { name: 'Annuleren' }).click();

  // Done, with a double click: one entry.
  await card.getByRole('button', { name: 'Gereed melden' }).click();
  await card.getByLabel('Hoe is de afspraak uitgevoerd?').fill('Gesprek gevoerd; zicht op de woning is geregeld met de wijkagent.');
  await card.getByRole('button', { name: 'Gereed melden' }).dblclick();
  await expect(card.getByText('Afspraak gereed gemeld.')).toBeVisible();
  await expect(card.getByTestId('agreement-status')).toHaveText('Gereed');
  await expect(card.getByRole('button', { name: 'Gereed melden' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Geschiedenis' }).click();
  const history = card.getByTestId('agreement-history');
  await expect(history.locator('[data-kind="gereed"]')).toHaveCount(1);
  await expect(history.locator('[data-kind="voortgang"]')).toHaveCount(2);
  await expect(history.locator('[data-kind="geblokkeerd"]')).toHaveCount(0);
  expect((await notes()).map((n) => n.kind)).toEqual(['gereed', 'voortgang', 'voortgang']);
  await politie.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await screenshot(politie, 'my-agreements');
  await expectMainAccessible(politie);

  // The regisseur sees it done on the case page, with its history.
  await regisseur.reload();
  await expect(caseRow.getByTestId('agreement-status')).toHaveText('Gereed');
  await expect(caseRow).toContainText('Gesprek gevoerd; zicht op de woning is geregeld met de wijkagent.');
  await caseRow.getByText('Geschiedenis (3)').click();
  await expect(caseRow.getByTestId('agreement-history').locator('[data-kind="gereed"]')).toHaveCount(1);
  await section.screenshot({ path: 'e2e/screenshots/case-agreements.png' });
  await expectMainAccessible(regisseur);
});

test("the house's agreements put overdue ones first, clearly marked, and filter in the URL", async ({ page }) => {
  await signInAndWait(page, 'regisseur@example.org');
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Afspraken', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Afspraken', level: 1 })).toBeVisible();
  const cards = page.getByTestId('agreement');
  await expect(cards.first().getByTestId('agreement-overdue')).toHaveText(/\d+ dagen? te laat/);
  await screenshot(page, 'agreements-regisseur');
  await expectMainAccessible(page);

  await page.getByLabel('Alleen te laat').check();
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(cards.filter({ hasNot: page.getByTestId('agreement-overdue') })).toHaveCount(0);
  expect(await cards.count()).toBeGreaterThan(0);

  await page.goto('/agreements?status=gereed');
  await expect(page.getByLabel('Status')).toHaveValue('gereed');
  for (const status of await cards.getByTestId('agreement-status').allTextContents()) expect(status).toBe('Gereed');
});

test('Mijn afspraken is not there for a regisseur, and the list API refuses a manager', async ({ browser }) => {
  const regisseur = await signedInPage(browser, 'regisseur@example.org');
  expect((await regisseur.goto('/my-agreements'))?.status()).toBe(404);
  const manager = await signedInPage(browser, 'manager@example.org');
  expect((await manager.request.get('/api/v1/agreements')).status()).toBe(403);
  expect((await manager.goto('/agreements'))?.status()).toBe(404);
});
