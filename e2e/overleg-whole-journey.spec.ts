import { expect, test, type Browser, type Page } from '@playwright/test';
import { screenshot, signInAndWait } from './helpers';

// Named to run after the other meeting journeys: once this meeting is finished, its cases count as discussed
// and are no longer proposed for the next agenda, which those journeys rely on.

// One whole casusoverleg as a house runs it, three people on three screens: the regisseur (chair and
// note-taker), the police and GGZ. Each partner sees only the items of its own cases appear, confirms
// what was agreed for it, and the regisseur sees the answers arrive; the minutes survive half an hour
// of typing, and the finished meeting prints sealed.

async function as(browser: Browser, email: string, options: { clock?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  if (options.clock) await page.clock.install();
  await signInAndWait(page, email);
  return page;
}

const amsterdamDate = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + offsetDays * 864e5));

const FOR_POLICE = 'Politie bezoekt Sem Bakker thuis en meldt de uitkomst';
const FOR_GGZ = 'Altrecht biedt Sandra de Boer een intake aan';
const QUESTION = 'Kan de intake ook bij de huisarts plaatsvinden?';

async function transition(page: Page, button: string, status: string) {
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('main h1 + span')).toHaveText(status);
}

async function makeAgreement(page: Page, caseName: string, description: string, owner: string) {
  const item = page.getByTestId('agenda-item').filter({ hasText: caseName });
  const form = item.getByTestId('item-agreement-form');
  await form.locator('summary').click();
  await form.getByLabel('Wat is afgesproken?').fill(description);
  await form.getByLabel('Uitvoerende organisatie').selectOption({ label: owner });
  await form.getByLabel('Uiterlijk klaar op').fill(amsterdamDate(14));
  await form.getByRole('button', { name: 'Afspraak maken', exact: true }).click();
  await expect(form.getByRole('status')).toHaveText('Afspraak gemaakt.');
}

test('a whole casusoverleg: agreements made in the items, partners see only their own and confirm live, minutes survive, the report prints sealed', async ({ browser }) => {
  test.setTimeout(240_000);
  const regisseur = await as(browser, 'regisseur@example.org', { clock: true });

  await regisseur.goto('/meetings/new');
  await regisseur.getByLabel('Titel').fill('Casusoverleg wijk Noord');
  await regisseur.getByLabel('Datum').fill(amsterdamDate());
  await regisseur.getByLabel('Begintijd').fill('00:05');
  await regisseur.getByLabel('Eindtijd').fill('23:55');
  for (const organisation of ['Politie Midden-Nederland', 'Altrecht GGZ']) await regisseur.getByRole('checkbox', { name: organisation }).check();
  await regisseur.getByRole('button', { name: 'Overleg aanmaken' }).click();
  await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText('Casusoverleg wijk Noord');
  // Added by hand: other journeys' meetings may already hold these cases, so they need not be proposed.
  const addItem = regisseur.locator('section', { has: regisseur.getByRole('heading', { name: 'Agendapunt toevoegen' }) });
  for (const name of ['Sem Bakker', 'Sandra de Boer']) {
    const caseField = addItem.getByLabel('Casus');
    await caseField.selectOption((await caseField.locator('option', { hasText: name }).getAttribute('value'))!);
    await addItem.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(regisseur.getByTestId('agenda-item').filter({ hasText: name })).toBeVisible();
  }
  const meetingPath = new URL(regisseur.url()).pathname;
  await transition(regisseur, 'Plannen en uitnodigen', 'Gepland');
  await transition(regisseur, 'Overleg starten', 'Bezig');

  const police = await as(browser, 'politie@example.org');
  const ggz = await as(browser, 'ggz@example.org');
  for (const page of [regisseur, police, ggz]) {
    await page.goto(meetingPath);
    await expect(page.getByTestId('live-connection')).toHaveAttribute('data-state', 'open');
  }
  await expect(regisseur.getByTestId('presence')).toContainText('Politie Midden-Nederland');
  await expect(regisseur.getByTestId('presence')).toContainText('Altrecht GGZ');

  // Item 1: Sem Bakker, a police case. The chair marks it and makes the agreement inside the item.
  const semItem = regisseur.getByTestId('agenda-item').filter({ hasText: 'Sem Bakker' });
  await semItem.getByRole('button', { name: /^Nu bespreken/ }).click();
  await expect(police.getByTestId('agenda-item').filter({ hasText: 'Sem Bakker' }).getByTestId('now-discussing')).toBeVisible();
  await makeAgreement(regisseur, 'Sem Bakker', FOR_POLICE, 'Politie Midden-Nederland');
  const policeOwn = police.getByTestId('live-agreement').filter({ hasText: FOR_POLICE });
  await expect(policeOwn).toBeVisible();

  // Item 2: Sandra de Boer, a GGZ case.
  const sandraItem = regisseur.getByTestId('agenda-item').filter({ hasText: 'Sandra de Boer' });
  await sandraItem.getByRole('button', { name: /^Nu bespreken/ }).click();
  await makeAgreement(regisseur, 'Sandra de Boer', FOR_GGZ, 'Altrecht GGZ');
  const ggzOwn = ggz.getByTestId('live-agreement').filter({ hasText: FOR_GGZ });
  await expect(ggzOwn).toBeVisible();

  // Neither partner ever sees the other's case: a besloten agendapunt, without name or agreement.
  await expect(police.getByTestId('agenda-item').filter({ hasText: 'Besloten agendapunt' })).toHaveCount(1);
  await expect(ggz.getByTestId('agenda-item').filter({ hasText: 'Besloten agendapunt' })).toHaveCount(1);
  await expect(police.locator('main')).not.toContainText('Sandra de Boer');
  await expect(police.locator('main')).not.toContainText(FOR_GGZ);
  await expect(ggz.locator('main')).not.toContainText('Sem Bakker');
  await expect(ggz.locator('main')).not.toContainText(FOR_POLICE);
  await screenshot(police, 'casusoverleg-police-1440');
  await screenshot(ggz, 'casusoverleg-ggz-1440');

  // The police agree; GGZ asks a question back. The regisseur sees both arrive without reloading.
  await policeOwn.getByRole('button', { name: 'Akkoord' }).click();
  await ggzOwn.getByRole('button', { name: 'Vraag terug' }).click();
  await ggzOwn.getByLabel('Je vraag aan de regisseur').fill(QUESTION);
  await ggzOwn.getByRole('button', { name: 'Vraag versturen' }).click();
  await expect(regisseur.getByTestId('live-agreement').filter({ hasText: FOR_POLICE })).toContainText('Akkoord van Politie Midden-Nederland');
  await expect(regisseur.getByTestId('live-agreement').filter({ hasText: FOR_GGZ })).toContainText(QUESTION);
  await screenshot(regisseur, 'casusoverleg-regisseur-1440');

  // The chair types the minutes of item 1 for half an hour (simulated): the session stays, nothing is lost.
  const keepAlives: number[] = [];
  regisseur.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/session') keepAlives.push(Date.now());
  });
  const minutes = semItem.getByLabel('Notulen');
  await minutes.click();
  for (let minute = 1; minute <= 30; minute++) {
    await regisseur.clock.fastForward('01:00');
    await minutes.press('End');
    await minutes.pressSequentially(`${minute} `);
    await expect(regisseur.getByRole('alertdialog')).toHaveCount(0);
  }
  await expect.poll(() => keepAlives.length).toBeGreaterThanOrEqual(30);
  await semItem.getByLabel('Uitkomst').fill('Huisbezoek door de wijkagent.');
  await semItem.getByRole('button', { name: 'Notulen opslaan' }).click();
  await expect(semItem.getByText('Notulen opgeslagen.')).toBeVisible();
  await expect(police.getByTestId('agenda-item').filter({ hasText: 'Sem Bakker' })).toContainText('Huisbezoek door de wijkagent.');

  // Finished: sealed, and the print carries the version and the seal.
  await transition(regisseur, 'Overleg afronden', 'Afgerond');
  await expect(regisseur.getByTestId('seal-line')).toHaveText(/^Versie 1 · verzegeld op .+ · [0-9a-f]{16}$/);
  await regisseur.goto(`${meetingPath}/print`);
  const print = regisseur.getByTestId('print-view');
  await expect(print.getByTestId('seal-line')).toHaveText(/^Versie 1 · verzegeld op .+ · [0-9a-f]{16}$/);
  await expect(print).toContainText(FOR_POLICE);
  await expect(print).toContainText('Huisbezoek door de wijkagent.');
  await screenshot(regisseur, 'casusoverleg-print-1440');
  // The police's print of the same report leaves GGZ's case out.
  await police.goto(`${meetingPath}/print`);
  await expect(police.getByTestId('print-view')).toContainText(FOR_POLICE);
  await expect(police.getByTestId('print-view')).not.toContainText(FOR_GGZ);
  await expect(police.getByTestId('print-view')).not.toContainText('Sandra de Boer');
});
