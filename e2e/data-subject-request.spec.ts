import { expect, test, type Page } from '@playwright/test';
import { dayNumberOfIso } from '../lib/calendar/calendar-day';
import { addMonths } from '../lib/data-subject-requests/term';
import { screenshot } from './helpers';
import { expectMainAccessible, inDays, signedInPage } from './journey';

/*
 * The WGS contact point: a request of a data subject is registered once by the house, each partner
 * convened to the person's case answers its own part, and the house sends one combined answer. Past
 * dates only: received three days ago, answered today.
 */

const daysLeft = (term: string) => dayNumberOfIso(term) - dayNumberOfIso(inDays(0));

async function wideAndNarrow(page: Page, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, `${name}-360`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a data-subject request runs from registration through two partners’ answers to the combined answer, with the term counting down', async ({ browser }) => {
  // A case of Wilma Verzoekster, convened to police and GGZ.
  const regisseur = await signedInPage(browser, 'regisseur@example.org');
  await regisseur.goto('/cases/new');
  await regisseur.getByLabel('Naam').fill('Wilma Verzoekster');
  await regisseur.getByLabel('Geboortedatum').fill('1979-11-02');
  await regisseur.getByLabel('Gemeente van inwoning').selectOption({ label: 'Utrecht' });
  await regisseur.getByLabel('Aanpak').selectOption({ label: '(Ernstige) overlast' });
  await regisseur.getByLabel('Reden van aanmelding').fill('Aanhoudende overlast in de straat.');
  await regisseur.getByLabel('Doel van de aanmelding').fill('Rust en passende zorg.');
  for (const criterion of ['1. Er zijn problemen', '2. Meerdere ketens', '3. Het huishouden', '4. Er is een ernstig']) {
    await regisseur.getByRole('group', { name: new RegExp(criterion) }).getByLabel('Ja').check();
  }
  await regisseur.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(regisseur.getByRole('status')).toContainText(/Aanmelding ontvangen onder nummer ZVH-\d{4}-\d{4}/);
  const caseUrl = new URL(regisseur.url()).pathname;
  const number = (await regisseur.getByRole('heading', { level: 1 }).textContent())!.trim();
  const decide = regisseur.locator('details', { hasText: 'Triagebesluit nemen' });
  await decide.getByLabel('Besluit').selectOption({ label: 'In behandeling' });
  await decide.getByLabel('Motivering').fill('Voldoet aan de criteria.');
  await decide.getByRole('button', { name: 'Triagebesluit nemen' }).click();
  await expect(regisseur.getByText('Actief', { exact: true }).first()).toBeVisible();
  for (const organisation of ['Politie Midden-Nederland', 'Altrecht GGZ']) {
    const form = regisseur.locator('section', { hasText: 'Partner betrekken' });
    await form.getByLabel('Organisatie').selectOption({ label: organisation });
    await form.getByLabel('Waarom moet deze partner het weten?').fill('Nodig voor het plan van aanpak.');
    await form.getByRole('button', { name: 'Betrekken' }).click();
    await expect(regisseur.getByTestId('partners')).toContainText(organisation);
  }

  // Registration: the person is looked up as at a referral, the case confirmed, who asked and how recorded.
  await regisseur.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'AVG-verzoeken' }).click();
  await regisseur.getByRole('link', { name: 'Nieuw verzoek registreren' }).click();
  await regisseur.getByLabel('Naam betrokkene').fill('wilma verzoekster');
  await regisseur.getByLabel('Geboortedatum').fill('02-11-1979');
  await regisseur.getByRole('button', { name: 'Casussen zoeken' }).click();
  const found = regisseur.getByRole('checkbox', { name: new RegExp(number) });
  await expect(found).toBeChecked();
  await expect(regisseur.getByText('Partners: Altrecht GGZ, Politie Midden-Nederland')).toBeVisible();
  const received = inDays(-3);
  await regisseur.getByLabel('Soort verzoek').selectOption({ label: 'Inzage (art. 15)' });
  await regisseur.getByLabel('Ontvangen op').fill(received.split('-').reverse().join('-'));
  await regisseur.getByLabel('Hoe is de verzoeker te bereiken?').fill('Kanaalstraat 12, 3531 CJ Utrecht');
  await regisseur.getByLabel('Hoe is de identiteit vastgesteld?').selectOption({ label: 'Identiteitsbewijs getoond aan de balie' });
  await regisseur.getByLabel('Toelichting identiteitscontrole').fill('Rijbewijs gezien, nummer niet genoteerd.');
  await wideAndNarrow(regisseur, 'dsr-register');
  await regisseur.getByRole('button', { name: 'Verzoek registreren' }).click();

  // The request page: the term of one month from receipt counts down; both partners still to answer.
  await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText('Inzage (art. 15)');
  const requestUrl = new URL(regisseur.url()).pathname;
  const term = addMonths(received, 1);
  await expect(regisseur.getByTestId('dsr-countdown')).toHaveText(`nog ${daysLeft(term)} dagen`);
  const tasks = regisseur.getByTestId('dsr-tasks');
  await expect(tasks.getByRole('listitem')).toHaveText([/Altrecht GGZ\s*Wacht op antwoord/, /Politie Midden-Nederland\s*Wacht op antwoord/]);
  await expect(regisseur.getByRole('link', { name: `Inzage-export (art. 15) van ${number}` })).toHaveAttribute('href', `${caseUrl}/subject-access`);

  // Extended once, by a month, with a reason: the term moves for the partners too.
  const extend = regisseur.locator('section', { hasText: 'Termijn verlengen' });
  await extend.getByLabel('Verlenging').selectOption({ label: '1 maand' });
  await extend.getByLabel('Reden').fill('Omvangrijk dossier bij twee partners.');
  await extend.getByRole('button', { name: 'Termijn verlengen' }).click();
  const extended = addMonths(term, 1);
  await expect(regisseur.getByTestId('dsr-countdown')).toHaveText(`nog ${daysLeft(extended)} dagen`);
  await expect(regisseur.getByText('Reden verlenging: Omvangrijk dossier bij twee partners.', { exact: false })).toBeVisible();
  await expect(regisseur.getByRole('heading', { name: 'Termijn verlengen' })).toHaveCount(0);
  await expectMainAccessible(regisseur);
  await wideAndNarrow(regisseur, 'dsr-request-open');

  // The police answers its part: it sees the kind and the term, not who asked.
  const politie = await signedInPage(browser, 'politie@example.org');
  await politie.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'AVG-verzoeken' }).click();
  await politie.getByRole('link', { name: 'Inzage (art. 15)' }).click();
  await politie.waitForURL(/\/data-subject-requests\/tasks\//);
  const politieTaskUrl = new URL(politie.url()).pathname;
  await expect(politie.getByTestId('dsr-countdown')).toHaveText(`nog ${daysLeft(extended)} dagen`);
  expect(await politie.locator('main').innerText()).not.toMatch(/Wilma|Kanaalstraat|Rijbewijs/);
  await politie.getByLabel('Ons antwoord').fill('Twee registraties in BVH; afschrift bijgevoegd.');
  await expectMainAccessible(politie);
  await wideAndNarrow(politie, 'dsr-task');
  await politie.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(politie.getByRole('status').filter({ hasText: 'Beantwoord op' })).toBeVisible();

  // Another partner's people never see the police's task: 404.
  const veiligThuis = await signedInPage(browser, 'veiligthuis@example.org');
  expect((await veiligThuis.goto(politieTaskUrl))?.status()).toBe(404);

  // GGZ has nothing on her.
  const ggz = await signedInPage(browser, 'ggz@example.org');
  await ggz.goto('/data-subject-requests');
  await ggz.getByRole('link', { name: 'Inzage (art. 15)' }).click();
  await ggz.getByLabel('Geen gegevens: onze organisatie heeft niets over deze persoon').check();
  await ggz.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(ggz.getByRole('status').filter({ hasText: 'Beantwoord op' })).toBeVisible();
  // GGZ sees its own answer, never the police's.
  expect(await ggz.locator('main').innerText()).not.toContain('BVH');

  // The contact point sees both answers and sends the one combined answer: the request is closed in time.
  await regisseur.goto(requestUrl);
  await expect(tasks.getByRole('listitem')).toHaveText([/Altrecht GGZ\s*Geen gegevens/, /Politie Midden-Nederland\s*Beantwoord\s*Twee registraties in BVH/]);
  const combine = regisseur.locator('section', { hasText: 'Gebundeld antwoord versturen' });
  await combine.locator('textarea[name="answerText"]').fill('Bijgaand de gegevens van het Veiligheidshuis en de politie; Altrecht GGZ heeft geen gegevens.');
  await combine.getByLabel('Verstuurd op').fill(inDays(0).split('-').reverse().join('-'));
  await combine.getByRole('button', { name: 'Antwoord vastleggen en sluiten' }).click();
  await expect(regisseur.getByText(/^Gesloten: het gebundelde antwoord is verstuurd op /)).toBeVisible();
  await expect(regisseur.getByTestId('dsr-countdown')).toHaveCount(0);
  await wideAndNarrow(regisseur, 'dsr-request-closed');

  // The dashboard line counts it as answered in time.
  await regisseur.goto('/dashboard');
  const line = regisseur.getByTestId('dsr-figures');
  await expect(line.locator('div', { hasText: 'Op tijd beantwoord' }).locator('dd')).not.toHaveText('0');
  await line.scrollIntoViewIfNeeded();
  await screenshot(regisseur, 'dsr-dashboard-1440');
});
