import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { ROLES, screenshot, signInAndWait } from './helpers';

// The managers' dashboard on the demo data: where it stagnates, per partner, with a CSV of every table.

async function expectNoViolations(page: Page) {
  // Soft: a violation fails the test, but the rest of the journey is still checked.
  expect.soft(await axeViolations(page)).toEqual([]);
}

/** The overdue column of a partner's row (the organisation is the row header; then open, overdue, …). */
const overdueOf = (page: Page, organisation: string) =>
  page.getByTestId('partner-table').getByRole('row', { name: new RegExp(organisation) }).getByRole('cell').nth(1);

test('the manager sees the figures, the overdue agreements under their partner, and downloads the table', async ({ page }) => {
  await signInAndWait(page, ROLES.manager.email);
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const figures = page.getByTestId('key-figures');
  await expect(figures.getByText('Actieve casussen')).toBeVisible();
  await expect(figures.getByText('Signalen van stagnatie')).toBeVisible();
  // The demo has overdue agreements for Veilig Thuis, Altrecht GGZ, the OM and the Gemeente Utrecht.
  for (const partner of ['Veilig Thuis Regio Utrecht', 'Altrecht GGZ', 'Openbaar Ministerie Midden-Nederland', 'Gemeente Utrecht']) {
    await expect(overdueOf(page, partner)).toHaveText('1');
  }
  const overdueCard = figures.locator('div').filter({ has: page.getByText('Over de deadline', { exact: true }) });
  await expect(overdueCard.locator('dd').first()).toHaveText('4');

  // The charts load after the figures, each with its table.
  await expect(page.getByRole('img', { name: 'Open afspraken per partnerorganisatie' })).toBeVisible();
  const municipalityChart = page.getByRole('img', { name: 'Actieve casussen en nieuwe aanmeldingen per gemeente' });
  await expect(municipalityChart).toBeVisible();
  // Let both charts paint before the full-page picture.
  await municipalityChart.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'dashboard');
  await expectNoViolations(page);
  await page.getByText('Toon de tabel met alle gemeenten').click();
  await expect(page.getByTestId('municipality-table').getByRole('row', { name: /Utrecht/ }).first()).toBeVisible();
  await expectNoViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV (de tabel per partnerorganisatie)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^dashboard-partners-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Organisatie;Open;Over de deadline;');
  expect(csv).toMatch(/\r\nVeilig Thuis Regio Utrecht;\d+;1;/);

  // Filters live in the URL: one partner narrows the table to that partner.
  await page.getByLabel('Partnerorganisatie', { exact: true }).selectOption({ label: 'Altrecht GGZ' });
  await page.getByRole('button', { name: 'Toon cijfers' }).click();
  await expect(page).toHaveURL(/organisation=[0-9a-f-]{36}/);
  await expect(page.getByTestId('partner-table').getByRole('row')).toHaveCount(2);
  await expect(overdueOf(page, 'Altrecht GGZ')).toHaveText('1');

  // The same figures as JSON, and a bad period answered in Dutch.
  const api = await page.request.get('/api/v1/dashboard');
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.figures.overdueAgreements).toBe(4);
  expect(body.signals).toMatchObject({ openByLevel: expect.any(Array) });
  expect(body.smallCells).toBe('suppressed');
  // The key figures as CSV say what the JSON says: the open signals per level (not "Nog geen signalen"),
  // and the counts of cases as the manager may see them.
  const figuresCsv = await page.request.get('/api/v1/dashboard.csv?table=figures');
  expect(figuresCsv.status()).toBe(200);
  const rows = parse(await figuresCsv.text(), { bom: true, delimiter: ';', relax_column_count: true }) as string[][];
  const openSignals = rows.filter(([label]) => label!.startsWith('Open signalen: ')).map(([, n]) => Number(n));
  expect(openSignals).toEqual(body.signals.openByLevel.map((l: { count: number }) => l.count));
  expect(openSignals.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(rows.find(([label]) => label === 'Actieve casussen')?.[1]).toBe(String(body.figures.activeCases));
  expect(rows.find(([label]) => label === 'Nieuwe aanmeldingen')?.[1]).toBe(String(body.figures.newReferrals));
  const bad = await page.request.get('/api/v1/dashboard?from=2026-05-01&to=2026-04-01');
  expect(bad.status()).toBe(422);
  expect((await bad.json()).fieldErrors.to).toEqual(['De einddatum ligt vóór de begindatum.']);
});

test('a professional finds no dashboard and the API refuses', async ({ page }) => {
  await signInAndWait(page, ROLES.professional.email);
  const response = await page.goto('/dashboard');
  expect(response?.status()).toBe(404);
  expect((await page.request.get('/api/v1/dashboard')).status()).toBe(403);
  expect((await page.request.get('/api/v1/dashboard.csv?table=partners')).status()).toBe(403);
});
