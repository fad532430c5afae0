import { expect, test, type Browser, type Page } from '@playwright/test';
import { screenshot, signInAndWait } from './helpers';

async function as(browser: Browser, email: string, width = 1440) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signInAndWait(page, email);
  return page;
}

const inDays = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 864e5));

const MINUTES = 'Politie heeft de aangifte opgenomen; verhoor volgt volgende week.';
const AGREEMENT = 'Politie plant het verhoor en koppelt terug aan de regisseur';

async function transition(page: Page, button: string, status: string) {
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('main h1 + span')).toHaveText(status);
}

test('a running casusoverleg live: police and GGZ follow their own cases, police confirms its agreement, the regisseur sees it appear', async ({ browser }) => {
  test.setTimeout(180_000);
  const regisseur = await as(browser, 'regisseur@example.org');

  // Police is convened to Sem Bakker, GGZ to Sandra de Boer; each is invited, neither to the other's case.
  await regisseur.goto('/meetings/new');
  await regisseur.getByLabel('Titel').fill('Casusoverleg live');
  // Yesterday's meeting, still running: a meeting that has not ended yet would keep its cases off the agenda
  // proposals that later journeys (meeting-seal, meetings) rely on, at whatever time of day this runs.
  await regisseur.getByLabel('Datum').fill(inDays(-1));
  await regisseur.getByLabel('Begintijd').fill('00:05');
  await regisseur.getByLabel('Eindtijd').fill('23:55');
  for (const organisation of ['Politie Midden-Nederland', 'Altrecht GGZ']) await regisseur.getByRole('checkbox', { name: organisation }).check();
  await regisseur.getByRole('checkbox', { name: /Sem Bakker/ }).check();
  await regisseur.getByRole('checkbox', { name: /Sandra de Boer/ }).check();
  await regisseur.getByRole('button', { name: 'Overleg aanmaken' }).click();
  await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText('Casusoverleg live');
  const meetingPath = new URL(regisseur.url()).pathname;
  await transition(regisseur, 'Plannen en uitnodigen', 'Gepland');
  await transition(regisseur, 'Overleg starten', 'Bezig');
  const items = regisseur.getByTestId('agenda-item');
  const semItem = items.filter({ hasText: 'Sem Bakker' });
  const semItemId = await semItem.locator('input[name="itemId"]').first().inputValue();
  const semCaseId = (await semItem.getByRole('link', { name: /Sem Bakker/ }).getAttribute('href'))!.split('/').at(-1)!;

  const police = await as(browser, 'politie@example.org');
  const ggz = await as(browser, 'ggz@example.org');
  for (const page of [police, ggz, regisseur]) {
    await page.goto(meetingPath);
    await expect(page.getByTestId('live-connection')).toHaveAttribute('data-state', 'open');
  }
  // Each partner sees its own case; the other's is a besloten agendapunt.
  await expect(police.getByTestId('agenda-item').filter({ hasText: 'Sem Bakker' })).toHaveCount(1);
  await expect(police.getByTestId('agenda-item').filter({ hasText: 'Besloten agendapunt' })).toHaveCount(1);
  await expect(ggz.getByTestId('agenda-item').filter({ hasText: 'Sandra de Boer' })).toHaveCount(1);
  await expect(ggz.getByTestId('agenda-item').filter({ hasText: 'Besloten agendapunt' })).toHaveCount(1);
  // Who is connected: organisations and a head count.
  await expect(regisseur.getByTestId('presence')).toContainText('Politie Midden-Nederland');
  await expect(regisseur.getByTestId('presence')).toContainText('Altrecht GGZ');
  await expect(police.getByTestId('presence')).toContainText('1 persoon');

  // The chair marks Sem Bakker's item and records the minutes: police sees both appear without reloading.
  await semItem.getByRole('button', { name: /^Nu bespreken/ }).click();
  await expect(police.getByTestId('agenda-item').filter({ hasText: 'Sem Bakker' }).getByTestId('now-discussing')).toBeVisible();
  await expect(ggz.getByTestId('agenda-item').filter({ hasText: 'Besloten agendapunt' }).getByTestId('now-discussing')).toBeVisible();
  await semItem.getByLabel('Notulen').fill(MINUTES);
  await semItem.getByRole('button', { name: 'Notulen opslaan' }).click();
  await expect(police.getByText(MINUTES)).toBeVisible();

  // An agreement made in the item for police (the API the agreements form uses).
  const partners = await (await regisseur.request.get(`/api/v1/cases/${semCaseId}/partners`)).json();
  const politieOrg = partners.items.find((p: { organisationName: string }) => p.organisationName === 'Politie Midden-Nederland').organisationId;
  const made = await regisseur.request.post(`/api/v1/cases/${semCaseId}/agreements`, {
    data: { description: AGREEMENT, ownerOrganisationId: politieOrg, dueDate: inDays(14), agendaItemId: semItemId },
  });
  expect(made.status()).toBe(201);
  const mine = police.getByTestId('live-agreement').filter({ hasText: AGREEMENT });
  await expect(mine).toBeVisible();
  await expect(police.getByRole('heading', { name: 'Afspraken voor jouw organisatie' })).toBeVisible();
  await expect(regisseur.getByTestId('live-agreement').filter({ hasText: AGREEMENT })).toContainText('Nog niet bevestigd');

  // GGZ never saw any of it.
  await ggz.waitForTimeout(1000);
  await expect(ggz.locator('main')).not.toContainText(MINUTES);
  await expect(ggz.locator('main')).not.toContainText('Sem Bakker');
  await expect(ggz.locator('main')).not.toContainText(AGREEMENT);

  await screenshot(police, 'meeting-live-partner-1440');
  await police.setViewportSize({ width: 360, height: 800 });
  await screenshot(police, 'meeting-live-partner-360');
  await police.setViewportSize({ width: 1440, height: 900 });

  // Police agrees; the regisseur sees it appear without reloading.
  await mine.getByRole('button', { name: 'Akkoord' }).click();
  await expect(mine).toContainText('Akkoord van Politie Midden-Nederland');
  await expect(regisseur.getByTestId('live-agreement').filter({ hasText: AGREEMENT })).toContainText('Akkoord van Politie Midden-Nederland');
  await screenshot(regisseur, 'meeting-live-regisseur-1440');

  // GGZ may not confirm police's agreement: 404, as for an agreement it cannot see.
  const agreementId = (await made.json()).id as string;
  const foreign = await ggz.request.post(`/api/v1/agreements/${agreementId}/confirmation`, { data: { response: 'akkoord' } });
  expect(foreign.status()).toBe(404);
  const malformed = await police.request.post(`/api/v1/agreements/${agreementId}/confirmation`, { data: { response: 'vraag' } });
  expect(malformed.status()).toBe(422);

  // The event stream answers an organisation that is not invited with 404.
  const meetingId = meetingPath.split('/').at(-1)!;
  const veiligthuis = await as(browser, 'veiligthuis@example.org');
  expect((await veiligthuis.request.get(`/api/v1/meetings/${meetingId}/events`)).status()).toBe(404);
});
