import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { screenshot, signInAndWait } from './helpers';

async function as(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email);
  return page;
}

async function refer(page: Page, name: string, birthDate: string) {
  await page.goto('/cases/new');
  await page.getByLabel('Naam').fill(name);
  await page.getByLabel('Geboortedatum').fill(birthDate);
  await page.getByLabel('Gemeente van inwoning').selectOption({ label: 'Utrecht' });
  await page.getByLabel('Aanpak').selectOption({ label: '(Ernstige) overlast' });
  await page.getByLabel('Reden van aanmelding').fill('Aanhoudende overlast in de portiek.');
  await page.getByLabel('Doel van de aanmelding').fill('Rust en passende zorg.');
  for (const criterion of ['1. Er zijn problemen', '2. Meerdere ketens', '3. Het huishouden', '4. Er is een ernstig']) {
    await page.getByRole('group', { name: new RegExp(criterion) }).getByLabel('Ja').check();
  }
}

async function submit(page: Page) {
  await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
  await expect(page.getByRole('status')).toContainText(/Aanmelding ontvangen onder nummer ZVH-\d{4}-\d{4}/);
  return { url: new URL(page.url()).pathname, number: (await page.getByRole('heading', { level: 1 }).textContent())!.trim() };
}

async function wideAndNarrow(page: Page, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, `${name}-360`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a second referral of a known person: shown to the regisseur at triage only, merged and undone; referrer and journal on the case', async ({ browser }) => {
  // A referral taken on the phone from a wijkteam names who referred.
  const regisseur = await as(browser, 'regisseur@example.org');
  await refer(regisseur, 'Noor Dubbelmelding', '1992-06-21');
  await regisseur.getByLabel('Of een andere organisatie').fill('Wijkteam Zuilen');
  await regisseur.getByLabel('Contactpersoon').fill('Ilse Bakker');
  await regisseur.getByLabel('Telefoon of e-mail').fill('030-1234567');
  const first = await submit(regisseur);
  await expect(regisseur.getByText('Wijkteam Zuilen, contact: Ilse Bakker, 030-1234567 · vastgelegd door')).toBeVisible();

  // The journal: a phone call, in the timeline.
  const journal = regisseur.locator('details', { hasText: 'Contact vastleggen' });
  await journal.locator('summary').click();
  await journal.getByLabel('Soort contact').selectOption({ label: 'Telefoon' });
  await journal.getByLabel('Organisatie').fill('Wijkteam Zuilen');
  await journal.getByLabel('Korte notitie').fill('Teruggebeld: situatie besproken.');
  await journal.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(regisseur.getByText(/^Telefoongesprek met Wijkteam Zuilen op /)).toBeVisible();
  await expect(regisseur.getByText('Teruggebeld: situatie besproken.')).toBeVisible();

  // The police refers the same person (other spelling): the answer tells her nothing of the earlier case.
  const politie = await as(browser, 'politie@example.org');
  await refer(politie, 'noor dubbelmelding', '1992-06-21');
  await expect(politie.getByText('Aangemeld door', { exact: true })).toHaveCount(0);
  const second = await submit(politie);
  const seenByPolitie = await politie.locator('main').innerText();
  expect(seenByPolitie).not.toContain(first.number);
  expect(seenByPolitie).not.toMatch(/bekend|Bekende persoon/i);
  expect((await politie.request.get(`/api/v1/cases${second.url.slice('/cases'.length)}/matches`)).status()).toBe(403);

  // At triage the regisseur sees the earlier case, with a link to it.
  await regisseur.goto(second.url);
  const panel = regisseur.getByTestId('referral-matching');
  const known = panel.getByRole('link', { name: `bekend: ${first.number} (Aangemeld)` });
  await expect(known).toHaveAttribute('href', first.url);
  await expectAccessible(regisseur, { within: 'main' });
  await wideAndNarrow(regisseur, 'referral-matching');

  // Merge, with a reason.
  await panel.getByText(`Samenvoegen met ${first.number}`).click();
  await panel.getByLabel(/Waarom hoort deze aanmelding bij/).fill('Zelfde persoon, nieuwe melding van de politie.');
  await panel.getByRole('button', { name: 'Samenvoegen als nieuwe aanmelding' }).click();
  await expect(panel).toContainText(`Samengevoegd met ${first.number} als nieuwe aanmelding.`);
  await expect(regisseur.getByText(`Samengevoegd met ${first.number} als nieuwe aanmelding`, { exact: true })).toBeVisible();
  await expectAccessible(regisseur, { within: 'main' });
  await wideAndNarrow(regisseur, 'referral-merged');

  // The earlier case has the new referral in its timeline.
  await regisseur.goto(first.url);
  await expect(regisseur.getByText(`Nieuwe aanmelding ${second.number} samengevoegd met deze casus`)).toBeVisible();

  // Undo, while the triage is not decided.
  await regisseur.goto(second.url);
  await panel.getByRole('button', { name: 'Samenvoegen ongedaan maken' }).click();
  await expect(panel.getByText(`Samenvoegen met ${first.number}`)).toBeVisible();
  await expect(regisseur.getByText(`Samenvoegen met ${first.number} ongedaan gemaakt`)).toBeVisible();
  await expect(known).toBeVisible();
});
