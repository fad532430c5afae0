import { expect, test } from '@playwright/test';
import { screenshot, signInAndWait } from './helpers';
import { signedInPage } from './journey';

test('a referral is triaged, convened to police and GGZ, and seen only by those who may', async ({ browser }) => {
  const regisseur = await signedInPage(browser, 'regisseur@example.org');

  // Referral with the four intake criteria.
  await regisseur.goto('/cases/new');
  await regisseur.getByLabel('Naam').fill('Ruud Reisiger');
  await regisseur.getByLabel('Geboortedatum').fill('1986-04-18');
  await regisseur.getByLabel('Adres').fill('Oudegracht 100, Utrecht');
  await regisseur.getByLabel('Gemeente van inwoning').selectOption({ label: 'Utrecht' });
  await regisseur.getByLabel('Aanpak').selectOption({ label: 'Huiselijk geweld' });
  await regisseur.getByLabel('Reden van aanmelding').fill('Escalerend huiselijk geweld, zorgmijding.');
  await regisseur.getByLabel('Doel van de aanmelding').fill('Veiligheid in huis en zorg op gang.');
  for (const criterion of ['1. Er zijn problemen', '2. Meerdere ketens', '3. Het huishouden']) {
    await regisseur.getByRole('group', { name: new RegExp(criterion) }).getByLabel('Ja').check();
  }
  await regisseur.getByRole('group', { name: /4\. Er is een ernstig/ }).getByLabel('Nee').check();
  await regisseur.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(regisseur.getByRole('status')).toContainText(/Aanmelding ontvangen onder nummer ZVH-\d{4}-\d{4}/);
  const caseUrl = new URL(regisseur.url()).pathname;
  const number = (await regisseur.getByRole('heading', { level: 1 }).textContent())!.trim();

  // The criteria read as they were asked, each with its answer.
  await expect(regisseur.getByTestId('criteria')).toContainText('1. Er zijn problemen op meerdere leefgebieden die leiden tot criminaliteit of overlast: Ja');
  await expect(regisseur.getByTestId('criteria')).toContainText('4. Er is een ernstig lokaal veiligheidsprobleem: Nee');

  // Triage: one step, the decision straight from the referral; the receipt is gone once it is decided.
  await expect(regisseur.getByText('Triage starten', { exact: true })).toHaveCount(0);
  const decide = regisseur.locator('details', { hasText: 'Triagebesluit nemen' });
  await expect(decide).toHaveAttribute('open', '');
  await decide.getByLabel('Besluit').selectOption({ label: 'In behandeling' });
  await decide.getByLabel('Motivering').fill('Voldoet aan criteria 1 tot en met 3.');
  await decide.getByRole('button', { name: 'Triagebesluit nemen' }).click();
  await expect(regisseur.getByText('Actief', { exact: true }).first()).toBeVisible();
  await expect(regisseur.getByText(/Aanmelding ontvangen onder nummer/)).toHaveCount(0);

  // Convene police and GGZ.
  for (const organisation of ['Politie Midden-Nederland', 'Altrecht GGZ']) {
    const form = regisseur.locator('section', { hasText: 'Partner betrekken' });
    await form.getByLabel('Organisatie').selectOption({ label: organisation });
    await form.getByLabel('Waarom moet deze partner het weten?').fill('Nodig voor het plan van aanpak.');
    await form.getByRole('button', { name: 'Betrekken' }).click();
    await expect(regisseur.getByTestId('partners')).toContainText(organisation);
  }
  await screenshot(regisseur, 'case-regisseur');

  // The police professional sees it.
  const politie = await signedInPage(browser, 'politie@example.org');
  await politie.goto(caseUrl);
  await expect(politie.getByRole('heading', { level: 1 })).toHaveText(number);
  await expect(politie.getByText('Ruud Reisiger')).toBeVisible();

  // Veilig Thuis is not convened: 404 on the URL and nothing in search.
  const veiligThuis = await signedInPage(browser, 'veiligthuis@example.org');
  const response = await veiligThuis.goto(caseUrl);
  expect(response?.status()).toBe(404);
  await expect(veiligThuis.getByText('Ruud Reisiger')).toHaveCount(0);
  await veiligThuis.goto('/cases?q=Reisiger');
  await expect(veiligThuis.getByText('Geen casussen gevonden met deze filters.')).toBeVisible();
  await veiligThuis.goto(`/cases?q=${number}`);
  await expect(veiligThuis.getByRole('link', { name: number })).toHaveCount(0);

  // The manager sees it pseudonymised.
  const manager = await signedInPage(browser, 'manager@example.org');
  await manager.goto(caseUrl);
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText(number);
  await expect(manager.getByText(/Gepseudonimiseerde weergave/)).toBeVisible();
  const managerText = await manager.locator('main').innerText();
  expect(managerText).not.toContain('Reisiger');
  expect(managerText).not.toMatch(/1986|18 april/);
  expect(managerText).not.toContain('Oudegracht');
  await screenshot(manager, 'case-manager');

  // The regisseur sees who opened it, and the refused attempt.
  await regisseur.reload();
  const log = regisseur.getByTestId('access-log');
  await expect(log.locator('tr', { hasText: 'Mark Jansen' }).first()).toContainText('Ingezien');
  await expect(log.locator('tr', { hasText: 'Hans de Wit' }).first()).toContainText('Ingezien');
  await expect(log.locator('tr', { hasText: 'Lotte Smit' }).first()).toContainText('Geweigerd');
});

test('a referral with missing answers gets field errors and is not saved', async ({ page }) => {
  await signInAndWait(page, 'politie@example.org');
  await page.goto('/cases/new');
  await page.getByLabel('Naam').fill('Onvolledig Persoon');
  await page.getByLabel('Geboortedatum').fill('2999-01-01');
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(page.getByText('De geboortedatum ligt in de toekomst.', { exact: true })).toBeVisible();
  await expect(page.getByText('Kies een gemeente.', { exact: true }).or(page.getByText('Kies een gemeente uit de lijst.', { exact: true }))).toBeVisible();
  await expect(page.getByText('Beantwoord dit criterium met ja of nee.', { exact: true }).first()).toBeVisible();
  await expect(page.getByLabel('Naam')).toHaveValue('Onvolledig Persoon');
  await expect(page).toHaveURL(/\/cases\/new$/);
  await screenshot(page, 'referral-errors');
  await page.goto('/cases');
  await expect(page.getByText('Onvolledig Persoon')).toHaveCount(0);
});

test('a professional who referred a case sees the receipt, not the case', async ({ page }) => {
  await signInAndWait(page, 'gemeente@example.org');
  await page.goto('/cases');
  const referrals = page.locator('section', { hasText: 'Mijn aanmeldingen' });
  await expect(referrals).toBeVisible();
  await referrals.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Jouw aanmelding' })).toBeVisible();
  await expect(page.getByText('Henk Pieters')).toHaveCount(0);
});
