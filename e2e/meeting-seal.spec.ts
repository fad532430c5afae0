import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './helpers';
import { expectMainAccessible, signedInPage } from './journey';

// Journey: the meeting cycle around a casusoverleg. Planned → the police answer the statusronde in Mijn
// afspraken → the regisseur sees it in the afsprakencheck and records that GGZ sent its information →
// the meeting runs and is finished: the report is frozen and sealed (version 1), the print shows the seal →
// reopened with a reason and finished again: version 2, version 1 still readable; GGZ prints only its case.

async function wide(page: Page, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, `${name}-360`);
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function transition(page: Page, button: string, status: string) {
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('main h1 + span')).toHaveText(status);
}

// Today, so that starting it needs no confirmation; the statusronde was due the working day before.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const TITLE = `Casusoverleg verzegeld ${Date.now().toString(36)}`;
const STATUS = 'Huisbezoek is gepland; wijkagent gaat volgende week langs.';

test('a finished casusoverleg is frozen and sealed; reopening with a reason makes version 2; partners report status before', async ({ browser }) => {
  const regisseur = await signedInPage(browser, 'regisseur@example.org');
  await regisseur.goto('/meetings/new');
  await regisseur.getByLabel('Titel').fill(TITLE);
  await regisseur.getByLabel('Datum').fill(today);
  await regisseur.getByLabel('Begintijd').fill('00:05');
  await regisseur.getByLabel('Eindtijd').fill('23:55');
  for (const organisation of ['Politie Midden-Nederland', 'Altrecht GGZ']) await regisseur.getByRole('checkbox', { name: organisation }).check();
  await regisseur.getByRole('checkbox', { name: /Jan de Vries/ }).check();
  await regisseur.getByRole('checkbox', { name: /Sem Bakker/ }).check();
  await regisseur.getByRole('button', { name: 'Overleg aanmaken' }).click();
  await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const meetingUrl = new URL(regisseur.url()).pathname;
  await transition(regisseur, 'Plannen en uitnodigen', 'Gepland');

  // The statusronde in Mijn afspraken: the police's open agreements on the agenda, with a form each.
  const politie = await signedInPage(browser, 'politie@example.org');
  await politie.goto('/my-agreements');
  const round = politie.getByTestId('status-rounds').locator('section', { hasText: TITLE });
  await expect(round.getByRole('heading', { level: 2 })).toContainText(`Statusronde voor ${TITLE} — graag uiterlijk`);
  const first = round.getByTestId('status-round-agreement').first();
  // Too short: a Dutch message, nothing sent.
  await first.getByLabel('Status').fill('ok');
  await first.getByRole('button', { name: 'Status versturen' }).click();
  await expect(first.getByText('Schrijf een korte status (minstens 3 tekens).', { exact: true })).toBeVisible();
  await first.getByLabel('Status').fill(STATUS);
  await first.getByLabel('Ook vastleggen als voortgang op de afspraak').check();
  await first.getByRole('button', { name: 'Status versturen' }).click();
  await expect(first.getByRole('status')).toHaveText('Status verstuurd.');
  await expect(first).toContainText(STATUS);
  await expectMainAccessible(politie);
  await wide(politie, 'status-round-my-agreements');

  // The afsprakencheck shows what came in, and what did not.
  await regisseur.reload();
  const jan = regisseur.getByTestId('agenda-item').nth(0);
  const received = jan.getByTestId('status-round-received');
  await expect(received).toContainText(STATUS);
  await expect(received).toContainText('Geen status ontvangen');

  // GGZ cannot attend and sent its information in advance.
  const information = regisseur.getByTestId('information-panel').getByRole('listitem').filter({ hasText: 'Altrecht GGZ' });
  await information.locator('summary').click();
  await information.getByRole('radio', { name: 'Ontvangen', exact: true }).check();
  await information.getByLabel('Wat is er van Altrecht GGZ ontvangen? (optioneel)').fill('Behandelverslag per beveiligde mail');
  await information.getByRole('button', { name: 'Opslaan' }).click();
  await expect(information.getByRole('status')).toHaveText('Opgeslagen.');
  await expect(information.locator('summary')).toContainText('Ontvangen op');
  await expectMainAccessible(regisseur);
  await wide(regisseur, 'meeting-seal-statusronde-check');

  // The meeting runs and is finished.
  await transition(regisseur, 'Overleg starten', 'Bezig');
  await jan.getByLabel('Notulen').fill('Stand van zaken besproken.\n- Huisbezoek volgt');
  await jan.getByLabel('Uitkomst').fill('Politie legt huisbezoek af.');
  await jan.getByLabel('Status van het agendapunt').selectOption({ label: 'Besproken' });
  await jan.getByRole('button', { name: 'Notulen opslaan' }).click();
  await expect(jan.getByRole('status')).toHaveText('Notulen opgeslagen.');
  await transition(regisseur, 'Overleg afronden', 'Afgerond');

  // The finished page is the frozen report, with its seal.
  const seal = regisseur.getByTestId('seal-line');
  await expect(seal).toHaveText(/^Versie 1 · verzegeld op .+ · [0-9a-f]{16}$/);
  await expect(regisseur.getByTestId('sealed-report')).toContainText('Stand bij afronding');
  await expect(regisseur.getByTestId('sealed-report')).toContainText(STATUS);
  await expect(regisseur.getByTestId('invitees')).toContainText('Behandelverslag per beveiligde mail');
  const firstHash = (await seal.innerText()).slice(-16);
  await expectMainAccessible(regisseur);
  await screenshot(regisseur, 'meeting-seal-finished');

  // Later progress by the police is shown apart, not in the frozen state.
  await politie.goto('/my-agreements');
  const own = politie.getByTestId('agreement').filter({ hasText: 'Huisverbod evalueren' });
  await own.getByRole('button', { name: 'Voortgang vastleggen' }).click();
  await own.getByLabel('Wat heb je gedaan?').fill('Huisbezoek afgelegd na het overleg.');
  await own.getByRole('button', { name: 'Voortgang vastleggen' }).click();
  await expect(own.getByRole('status')).toHaveText('Voortgang vastgelegd.');

  await regisseur.goto(`${meetingUrl}/print`);
  const print = regisseur.getByTestId('print-view');
  await expect(print.getByTestId('seal-line')).toHaveText(new RegExp(`^Versie 1 · verzegeld op .+ · ${firstHash}$`));
  await expect(print).toContainText('Politie legt huisbezoek af.');
  await expect(print.getByTestId('since').first()).toContainText('Sindsdien:');
  await expectMainAccessible(regisseur);
  await wide(regisseur, 'meeting-seal-print');

  // Reopened by the chair with a reason, changed, finished again: version 2.
  await regisseur.goto(meetingUrl);
  await regisseur.locator('summary', { hasText: 'Overleg heropenen' }).click();
  await regisseur.getByRole('button', { name: 'Overleg heropenen' }).click();
  await expect(regisseur.getByText('Geef een reden.', { exact: true })).toBeVisible();
  await regisseur.getByLabel('Waarom heropen je het overleg?').fill('Uitkomst aanvullen na nabellen GGZ');
  await regisseur.getByRole('button', { name: 'Overleg heropenen' }).click();
  await expect(regisseur.locator('main h1 + span')).toHaveText('Bezig');
  await expect(regisseur.getByTestId('seal-history')).toContainText('bij afronden wordt dit versie 2');
  await expect(regisseur.getByTestId('seal-history')).toContainText('Uitkomst aanvullen na nabellen GGZ');
  await jan.getByLabel('Uitkomst').fill('Politie legt huisbezoek af; GGZ sluit aan.');
  await jan.getByRole('button', { name: 'Notulen opslaan' }).click();
  await expect(jan.getByRole('status')).toHaveText('Notulen opgeslagen.');
  await transition(regisseur, 'Overleg afronden', 'Afgerond');
  await expect(seal).toHaveText(/^Versie 2 · verzegeld op .+ · [0-9a-f]{16}$/);
  expect((await seal.innerText()).slice(-16)).not.toBe(firstHash);

  await regisseur.goto(`${meetingUrl}/print`);
  await expect(print).toContainText('GGZ sluit aan.');
  await print.getByRole('link', { name: 'versie 1' }).click();
  await expect(print.getByTestId('seal-line')).toHaveText(new RegExp(`^Versie 1 · .+ · ${firstHash}$`));
  await expect(print).toContainText('Dit is een eerdere versie. De geldende versie is versie 2.');
  await expect(print).toContainText('Heropend op');
  await expect(print).toContainText('Uitkomst aanvullen na nabellen GGZ');
  await expect(print).not.toContainText('GGZ sluit aan.');

  // GGZ is convened to Jan de Vries only: Sem Bakker's item stays closed in the sealed report too.
  const ggz = await signedInPage(browser, 'ggz@example.org');
  await ggz.goto(`${meetingUrl}/print`);
  const ggzPrint = ggz.getByTestId('print-view');
  await expect(ggzPrint.getByTestId('seal-line')).toContainText('Versie 2');
  await expect(ggzPrint).toContainText('Jan de Vries');
  await expect(ggzPrint).toContainText('Besloten agendapunt');
  expect(await ggz.locator('main').innerText()).not.toContain('Sem Bakker');
  expect((await ggz.goto(`${meetingUrl}/print?version=9`))?.status()).toBe(404);
  expect((await ggz.goto(`${meetingUrl}/print?version=abc`))?.status()).toBe(404);
});
