import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { ROLES, screenshot, signedInContext } from './helpers';

// Journey: inzage (AVG art. 15). The police log progress on Jan de Vries's agreement naming a neighbour
// and a colleague, and cannot open his export (404 page, 403 from the API: the case itself they may see).
// The regisseur opens the export from the case page, reads the sections with the names marked for review,
// downloads the JSON, and finds both exports in the access log of the document.

const NOTE = 'Huisverbod besproken met buurvrouw Anja Willems; Fatima Ouali van de reclassering sluit aan.';

test('a regisseur makes the art. 15 export of a subject; a professional cannot', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context: politieContext, page: politie } = await signedInContext(browser, ROLES.professional.email);
  const listed = await (await politie.request.get('/api/v1/agreements')).json();
  const agreement = listed.items.find((a: { description: string }) => a.description === 'Huisverbod evalueren en zo nodig verlengen');
  expect(agreement).toBeTruthy();
  const logged = await politie.request.post(`/api/v1/agreements/${agreement.id}/actions`, { data: { kind: 'voortgang', note: NOTE } });
  expect(logged.status()).toBe(201);
  const exportUrl = `/cases/${agreement.caseId}/subject-access`;

  // The police see the case, but not the export: the page does not exist for them, the API refuses.
  expect((await politie.goto(exportUrl))?.status()).toBe(404);
  await expect(politie.getByText('Overzicht van persoonsgegevens')).toHaveCount(0);
  expect((await politie.request.get(`/api/v1${exportUrl}`)).status()).toBe(403);
  await politieContext.close();

  const { context, page } = await signedInContext(browser, ROLES.regisseur.email);
  await page.goto(`/cases/${agreement.caseId}`);
  await page.getByRole('link', { name: 'Inzageverzoek (AVG art. 15)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/subject-access-case-link.png' });
  await page.getByRole('link', { name: 'Inzageverzoek (AVG art. 15)' }).click();
  await expect(page).toHaveURL(new RegExp(`${exportUrl}$`));
  const document = page.getByTestId('subject-access');
  await expect(document.getByRole('heading', { level: 1, name: 'Overzicht van persoonsgegevens' })).toBeVisible();
  await expect(page.getByTestId('subject')).toContainText('Jan de Vries');
  for (const heading of ['Gegevens', 'Verloop', 'Betrokken partners (ontvangers van gegevens)', 'Afspraken', 'Besproken in overleggen', 'Signalen van stagnatie']) {
    await expect(document.getByRole('heading', { level: 3, name: heading, exact: true })).toBeVisible();
  }
  // The demo meeting's item; the meetings journey may have put Jan on another agenda too.
  await expect(document.getByTestId('export-agenda-item').filter({ hasText: 'Casusoverleg ZVH Utrecht' })).toContainText('Veiligheidsplan in de maak.');
  // Other cases of the same meeting never show.
  await expect(document).not.toContainText('Sem Bakker');
  await expect(document).not.toContainText('Toezicht reclassering is ingericht');

  // The names in the police note are marked for review; the subject's own name is not.
  await expect(page.getByTestId('redaction-review')).toContainText('gemarkeerd');
  await expect(document.locator('mark[data-flag="name-like"]', { hasText: 'Anja Willems' })).toBeVisible();
  await expect(document.locator('mark[data-flag="staff-name"]', { hasText: 'Fatima Ouali' })).toBeVisible();
  await expect(document.locator('mark', { hasText: 'Jan de Vries' })).toHaveCount(0);

  // The access log holds the police's progress and this very export, by organisation and role.
  const log = page.getByTestId('export-access-log');
  await expect(log.locator('tr', { hasText: 'Politie Midden-Nederland' }).first()).toBeVisible();
  await expect(log.locator('tr', { hasText: 'inzageoverzicht' }).last()).toContainText('Geëxporteerd');
  await expect(log).not.toContainText(ROLES.professional.name);
  await expectAccessible(page);

  // JSON download: an attachment with the same content.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'JSON downloaden' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^inzage-ZVH-\d{4}-\d{4}-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
  expect(json.format).toBe('casusregie.subject-access/v1');
  expect(json.subject.name).toBe('Jan de Vries');
  expect(json.accessLog.filter((e: { action: string; entity: string }) => e.action === 'export' && e.entity === 'subject-access').length).toBeGreaterThanOrEqual(2);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'JSON downloaden' })).toBeHidden();
  await screenshot(page, 'subject-access');
  await page.emulateMedia({ media: 'screen' });
  await context.close();
});
