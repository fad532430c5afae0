/**
 * Retention (bewaartermijn): `npm run purge` removes the personal data of a case rejected three years ago,
 * the case page then shows a notice instead of the subject, the regisseur extends another case's term
 * once, and functioneel beheer sets the terms. Runs a server of its own (port + 90) on a database the
 * purge script has already worked on.
 */
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { ROLES, screenshot, signInAndWait } from './helpers';
import { startOwnServer, type OwnServer } from './own-server';

const port = Number(process.env.E2E_PORT ?? 3100) + 90;
const BASE = `http://127.0.0.1:${port}`;
const dataDir = `.data/e2e-${port}`;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });

let server: OwnServer | undefined;
let purgeOutput = '';
let ids: { rejected: { id: string; number: string }; handled: { id: string; number: string } };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await rm(dataDir, { recursive: true, force: true });
  const env = { ...process.env, PGLITE_DIR: `${dataDir}/pglite` };
  const setup = execFileSync(process.execPath, ['--import', 'tsx', 'e2e/retention-setup.ts'], { env, encoding: 'utf8' });
  ids = JSON.parse(setup.trim().split('\n').at(-1)!);
  purgeOutput = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/purge.ts'], { env, encoding: 'utf8' });
  server = await startOwnServer({
    port,
    dataDir,
    env: { AUTH_SECRET: 'retention-suite-secret-0123456789abcdefghijklmnop', SCHEDULER: 'off' },
  });
});

test.afterAll(async () => {
  await server?.stop();
});

test('npm run purge removed the personal data of the case rejected three years ago', () => {
  expect(purgeOutput).toContain(`Persoonsgegevens van 1 casus(sen) verwijderd: ${ids.rejected.number}.`);
});

test('the purged case stays in the list and shows a notice instead of the subject', async ({ page }) => {
  await signInAndWait(page, ROLES.regisseur.email);
  await page.goto(`/cases?q=${ids.rejected.number}`);
  const row = page.getByRole('row').filter({ hasText: ids.rejected.number });
  await expect(row).toContainText('Afgewezen');
  await expect(row).not.toContainText('Gerda');

  await page.goto(`/cases/${ids.rejected.id}`);
  await expect(page.getByRole('heading', { level: 1, name: ids.rejected.number })).toBeVisible();
  await expect(page.getByTestId('personal-data-removed')).toContainText(/Persoonsgegevens verwijderd op .+ \(bewaartermijn\)/);
  await expect(page.locator('main')).not.toContainText('Gerda Smit');
  await expect(page.locator('main')).not.toContainText('Rijnstraat');
  const panel = page.getByTestId('retention');
  await expect(panel).toContainText('De persoonsgegevens zijn verwijderd op');
  await expect(panel.getByText('Bewaartermijn verlengen')).toHaveCount(0);
  await expect(page.getByText('Gegevens wijzigen')).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'retention-removed');
});

test('the regisseur extends the term of a closed case once, with a reason', async ({ page }) => {
  await signInAndWait(page, ROLES.regisseur.email);
  await page.goto(`/cases/${ids.handled.id}`);
  const panel = page.getByTestId('retention');
  await expect(panel).toContainText('De persoonsgegevens worden verwijderd op');
  await panel.locator('summary', { hasText: 'Bewaartermijn verlengen' }).click();
  const reason = panel.getByLabel('Reden van verlenging');
  await reason.fill('Kort');
  await panel.getByRole('button', { name: 'Bewaartermijn verlengen' }).click();
  await expect(panel.getByText(/minstens 10 tekens/).last()).toBeVisible();
  await panel.getByLabel('Reden van verlenging').fill('Lopende civiele procedure; het dossier is nog nodig.');
  await panel.getByRole('button', { name: 'Bewaartermijn verlengen' }).click();
  await expect(panel.getByTestId('retention-extension')).toContainText(`door ${ROLES.regisseur.name}`);
  await expect(panel).toContainText('Reden: Lopende civiele procedure');
  await expect(panel.getByText('Een bewaartermijn kan maar één keer worden verlengd.', { exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Bewaartermijn verlengen' })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, 'retention-extended');
});

test('functioneel beheer sets the retention terms', async ({ page }) => {
  await signInAndWait(page, ROLES.admin.email);
  await page.goto('/admin/settings');
  const section = page.getByTestId('retention-settings');
  await expect(section.getByLabel('Afgewezen casus (jaren)')).toHaveValue('2');
  await expect(section.getByLabel('Afgesloten casus (jaren)')).toHaveValue('5');
  await section.getByLabel('Verlenging (jaren)').fill('0');
  await section.getByRole('button', { name: 'Bewaartermijnen opslaan' }).click();
  await expect(section.getByText('moet minstens 1 jaar zijn', { exact: true })).toBeVisible();
  await section.getByLabel('Verlenging (jaren)').fill('2');
  await section.getByRole('button', { name: 'Bewaartermijnen opslaan' }).click();
  await expect(section.getByRole('status')).toContainText('Bewaartermijnen opgeslagen');
  await expect(section.getByLabel('Verlenging (jaren)')).toHaveValue('2');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'retention-settings');
});
