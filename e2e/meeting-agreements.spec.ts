import { expect, test, type Locator, type Page } from '@playwright/test';
import {  } from './helpers';
import { inDays, signedInPage } from './journey';

const TITLE = 'Casusoverleg Kanaleneiland';
const NEW_AGREEMENT = 'Wijkagent bespreekt de risicotaxatie met de school';
const NOT_DONE = 'Gesprek met ouders en school';
const BLOCKED = 'Risicotaxatie delen in het overleg';

async function shoot(page: Page, target: Locator, name: string) {
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await target.screenshot({ path: `e2e/screenshots/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('in the running meeting the regisseur makes and closes agreements inside the item; the case and Mijn afspraken say where they were agreed', async ({ browser }) => {
  // The police report an agreement of Thomas Brouwer blocked before the meeting.
  const politie = await signedInPage(browser, 'politie@example.org');
  const list = await (await politie.request.get('/api/v1/agreements?owner=org')).json();
  const blocked = list.items.find((a: { description: string }) => a.description === BLOCKED);
  const reported = await politie.request.post(`/api/v1/agreements/${blocked.id}/actions`, {
    data: { kind: 'geblokkeerd', note: 'Wacht op toestemming van de school.' },
  });
  expect(reported.status()).toBe(201);

  // The regisseur prepares a meeting three days ahead and puts Thomas Brouwer on the agenda.
  const regisseur = await signedInPage(browser, 'regisseur@example.org');
  await regisseur.goto('/meetings/new');
  await regisseur.getByLabel('Titel').fill(TITLE);
  await regisseur.getByLabel('Datum').fill(inDays(3));
  await regisseur.getByLabel('Begintijd').fill('10:00');
  await regisseur.getByLabel('Eindtijd').fill('11:30');
  for (const organisation of ['Politie Midden-Nederland', 'Gemeente Utrecht']) await regisseur.getByRole('checkbox', { name: organisation }).check();
  await regisseur.getByRole('button', { name: 'Overleg aanmaken' }).click();
  await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const meetingUrl = new URL(regisseur.url()).pathname;
  // Thomas Brouwer is on another agenda already, so not proposed: added by hand.
  const addItem = regisseur.locator('section', { has: regisseur.getByRole('heading', { name: 'Agendapunt toevoegen' }) });
  const caseField = addItem.getByLabel('Casus');
  await caseField.selectOption((await caseField.locator('option', { hasText: 'Thomas Brouwer' }).getAttribute('value'))!);
  await addItem.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(regisseur.getByTestId('agenda-item').filter({ hasText: 'Thomas Brouwer' })).toBeVisible();
  await regisseur.getByRole('button', { name: 'Plannen en uitnodigen' }).click();
  await expect(regisseur.locator('main h1 + span')).toHaveText('Gepland');

  // Three days early: the start asks for a confirmation first.
  await regisseur.getByRole('button', { name: 'Overleg starten' }).click();
  await expect(regisseur.locator('main').getByRole('alert')).toContainText('meer dan een dag van nu');
  await expect(regisseur.locator('main h1 + span')).toHaveText('Gepland');
  await regisseur.getByRole('checkbox', { name: 'Ja, ik wil dit overleg nu al starten.' }).check();
  await regisseur.getByRole('button', { name: 'Overleg starten' }).click();
  await expect(regisseur.locator('main h1 + span')).toHaveText('Bezig');

  // The afsprakencheck shows the blocked agreement as blocked, with its reason.
  const item = regisseur.getByTestId('agenda-item').filter({ hasText: 'Thomas Brouwer' });
  const row = (text: string) => item.getByTestId('open-agreement').filter({ hasText: text });
  await expect(row(BLOCKED)).toContainText('Geblokkeerd');
  await expect(row(BLOCKED)).toContainText('Wacht op toestemming van de school.');

  // "Afspraak maken" inside the item: an error shows at its field and keeps what was typed.
  const create = item.getByTestId('item-agreement-form');
  await create.locator('summary').click();
  await create.getByLabel('Wat is afgesproken?').fill(NEW_AGREEMENT);
  await create.getByLabel('Uitvoerende organisatie').selectOption({ label: 'Politie Midden-Nederland' });
  await create.getByLabel('Uitvoerende professional').selectOption({ label: 'Mark Jansen' });
  await create.getByLabel('Uiterlijk klaar op').fill(inDays(-1));
  await create.getByRole('button', { name: 'Afspraak maken', exact: true }).click();
  await expect(create.getByText('De einddatum ligt in het verleden.', { exact: true })).toBeVisible();
  await expect(create.getByLabel('Wat is afgesproken?')).toHaveValue(NEW_AGREEMENT);
  await expect(create.getByLabel('Uitvoerende professional')).toHaveValue(/.+/);
  await create.getByLabel('Uiterlijk klaar op').fill(inDays(14));
  await create.getByRole('button', { name: 'Afspraak maken', exact: true }).click();
  await expect(create.getByRole('status')).toHaveText('Afspraak gemaakt.');
  await expect(row(NEW_AGREEMENT)).toContainText('Nieuw in dit overleg');
  await expect(row(NEW_AGREEMENT)).toContainText('Mark Jansen');
  expect(new URL(regisseur.url()).pathname).toBe(meetingUrl);

  // Close another as "niet gedaan": the reason category is required.
  const closing = row(NOT_DONE);
  await closing.getByText('Afsluiten: gedaan of niet gedaan').click();
  // The reason belongs to "niet gedaan" only: out of sight while "gedaan" is chosen.
  await closing.getByRole('radio', { name: 'Gedaan', exact: true }).check();
  await expect(closing.getByRole('radio', { name: 'Partner heeft de actie niet uitgevoerd' })).toBeHidden();
  await closing.getByRole('radio', { name: 'Niet gedaan' }).check();
  await expect(closing.getByRole('radio', { name: 'Partner heeft de actie niet uitgevoerd' })).toBeVisible();
  await closing.getByLabel('Toelichting (optioneel)').fill('Gemeente heeft de school niet benaderd.');
  await closing.getByRole('button', { name: 'Afspraak afsluiten' }).click();
  await expect(closing.getByText('Kies waarom de afspraak niet is gedaan.', { exact: true }).last()).toBeVisible();
  await expect(closing.getByRole('radio', { name: 'Niet gedaan' })).toBeChecked();
  await expect(closing.getByLabel('Toelichting (optioneel)')).toHaveValue('Gemeente heeft de school niet benaderd.');
  await shoot(regisseur, item, 'meeting-item-agreements');
  await closing.getByRole('radio', { name: 'Partner heeft de actie niet uitgevoerd' }).check();
  await closing.getByRole('button', { name: 'Afspraak afsluiten' }).click();
  await expect(row(NOT_DONE)).toContainText('Afgesloten in dit overleg');
  await expect(row(NOT_DONE)).toContainText('Partner heeft de actie niet uitgevoerd');
  await expect(row(NOT_DONE).getByRole('button', { name: 'Afspraak afsluiten' })).toHaveCount(0);
  await shoot(regisseur, item, 'meeting-item-agreements-closed');

  // On the case page: "afgesproken in" with a link to the meeting.
  await item.getByRole('link', { name: /Thomas Brouwer/ }).click();
  const onCase = regisseur.getByTestId('case-agreement').filter({ hasText: NEW_AGREEMENT });
  await expect(onCase.getByTestId('agreed-in')).toContainText(`Afgesproken in ${TITLE}`);
  await expect(onCase.getByRole('link', { name: new RegExp(TITLE) })).toHaveAttribute('href', meetingUrl);
  await expect(regisseur.getByTestId('case-agreement').filter({ hasText: NOT_DONE })).toContainText('Partner heeft de actie niet uitgevoerd');

  // The police professional finds it in Mijn afspraken, with where it was agreed, and may open that meeting.
  await politie.goto('/my-agreements');
  const mine = politie.getByTestId('agreement').filter({ hasText: NEW_AGREEMENT });
  await expect(mine.getByTestId('agreed-in')).toContainText(`Afgesproken in ${TITLE}`);
  await mine.getByRole('link', { name: new RegExp(TITLE) }).click();
  await expect(politie.getByRole('heading', { level: 1 })).toHaveText(TITLE);
});
