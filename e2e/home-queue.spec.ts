import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { signInAndWait } from './helpers';

// Journeys: each role lands on its work queue. The regisseur refers a case and convenes the police with an
// agreement due today; the police find the case and the agreement on their home page and report the
// agreement blocked; the regisseur finds the block and the waiting referrals on hers; the manager finds
// the week's figures and the escalations of the server's first sweep; the admin her approvals. Every item
// is one click from its action. Each home page passes axe and fits 360 px without sideways scrolling.

const SHOTS = 'test-results/home-queue';

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email);
  return page;
}

/** axe on the content, screenshots at 1440 and 360 px, and no sideways scroll at 360 px. */
async function checkHome(page: Page, name: string) {
  await page.goto('/');
  await expectAccessible(page, { within: 'main' });
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `${SHOTS}/${name}-360.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

test('regisseur and professional: a new case and an agreement reach the police’s queue, the block reaches the regisseur’s', async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = Date.now().toString(36);
  const subject = `Wachtrij Persoon ${tag}`;
  const description = `Wijkagent legt huisbezoek af (${tag})`;

  // The regisseur refers a case, convenes the police and makes an agreement for them, due today.
  const regisseur = await as(browser, 'regisseur@example.org');
  const api = regisseur.request;
  const referral = await api.post('/api/v1/cases', {
    data: {
      subject: { name: subject, birthDate: '1980-02-03', address: 'Neude 1, Utrecht' },
      municipalityCode: 'GM0344',
      targetGroup: 'overlast',
      criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
      reason: 'Overlast in de buurt en zorgen over zelfredzaamheid.',
      goal: 'Overlast stoppen en zorg op gang brengen.',
    },
  });
  expect(referral.status()).toBe(201);
  const { id: caseId, number } = await referral.json();
  const politie = await as(browser, 'politie@example.org');
  const police = await (await politie.request.get('/api/v1/me')).json();
  expect((await api.post(`/api/v1/cases/${caseId}/partners`, { data: { organisationId: police.organisation.id, reason: 'Meldingen bij de wijkagent.' } })).status()).toBe(201);
  const made = await api.post(`/api/v1/cases/${caseId}/agreements`, { data: { description, ownerOrganisationId: police.organisation.id, dueDate: today() } });
  expect(made.status()).toBe(201);
  const { id: agreementId } = await made.json();

  // The police: the case under "newly convened", one click to the case.
  await politie.goto('/');
  const convened = politie.getByTestId('item-convened').filter({ hasText: number });
  await expect(convened).toBeVisible();
  await convened.getByRole('link', { name: number }).click();
  await expect(politie.getByRole('heading', { level: 1 })).toHaveText(number);

  // The agreement under "due this week", one click to it in Mijn afspraken, where it is worked on.
  await politie.goto('/');
  const due = politie.getByTestId('queue-due').getByTestId('item-agreement').filter({ hasText: description });
  await expect(due).toBeVisible();
  await due.getByRole('link').click();
  await expect(politie).toHaveURL(new RegExp(`/my-agreements#agreement-${agreementId}$`));
  const card = politie.locator(`#agreement-${agreementId}`);
  await expect(card).toBeInViewport();
  await expect(card.getByRole('button', { name: 'Voortgang vastleggen' })).toBeVisible();

  // The statusronde of the demo's planned casusoverleg: one click to the round in Mijn afspraken.
  await politie.goto('/');
  const round = politie.getByTestId('item-status-request').filter({ hasText: 'Casusoverleg ZVH Utrecht' }).first();
  await expect(round).toContainText('afspraken gemeld');
  await round.getByRole('link').click();
  await expect(politie).toHaveURL(/\/my-agreements#round-/);
  await expect(politie.getByTestId('status-rounds')).toBeVisible();

  // The police report the agreement blocked.
  const block = await politie.request.post(`/api/v1/agreements/${agreementId}/actions`, {
    data: { kind: 'geblokkeerd', note: 'Betrokkene niet thuis getroffen, adres klopt niet.' },
  });
  expect(block.status()).toBe(201);
  await politie.goto('/');
  await expect(politie.getByTestId('queue-due').getByTestId('item-agreement').filter({ hasText: description })).toContainText('geblokkeerd');
  await checkHome(politie, 'professional');

  // The regisseur: the block since her last visit, one click to the case's agreements.
  await regisseur.goto('/');
  const blocked = regisseur.getByTestId('queue-blocked').getByTestId('item-blocked').filter({ hasText: description });
  await expect(blocked).toContainText('Politie meldde');
  await expect(blocked).toContainText('adres klopt niet');
  await blocked.getByRole('link').click();
  await expect(regisseur).toHaveURL(new RegExp(`/cases/${caseId}#agreements$`));
  await expect(regisseur.locator('section#agreements').getByTestId('case-agreement').filter({ hasText: description })).toBeVisible();

  // Waiting referrals count down the norm: the demo's Henk Pieters (referred 12 days ago) is late.
  const henk = (await (await api.get('/api/v1/cases', { params: { q: 'Henk Pieters' } })).json()).items[0];
  await regisseur.goto('/');
  const queue = regisseur.getByTestId('queue-referrals');
  await expect(queue).toContainText('Het huis antwoordt binnen 5 werkdagen.');
  const late = queue.getByTestId('item-referral').filter({ hasText: henk.number });
  await expect(late).toContainText('werkdagen te laat');
  await expect(late).toContainText('nog geen regisseur');
  await late.getByRole('link', { name: henk.number }).click();
  await expect(regisseur).toHaveURL(new RegExp(`/cases/${henk.id}#lifecycle$`));
  await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText(henk.number);

  // The demo's meetings of the coming days, one click to the meeting.
  await regisseur.goto('/');
  const meeting = regisseur.getByTestId('queue-meetings-coming').getByTestId('item-meeting').filter({ hasText: 'Casusoverleg ZVH Utrecht' });
  await expect(meeting).toContainText('Gepland');
  await meeting.getByRole('link').click();
  await expect(regisseur).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  await checkHome(regisseur, 'regisseur');
});

test('manager: the week’s figures, pseudonymised, and the escalations of the sweep, one click to the signals', async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await as(browser, 'manager@example.org');
  await expect(manager.getByTestId('queue-week')).toContainText('Deze week');
  await expect(manager.getByTestId('week-openAgreements')).toHaveText(/^\d+$/);
  // The server's first sweep (10 s after start) escalates the demo's old stagnation to the managers.
  const deadline = Date.now() + 45_000;
  while ((await manager.getByTestId('item-escalation').count()) === 0 && Date.now() < deadline) {
    await manager.waitForTimeout(3000);
    await manager.goto('/');
  }
  const escalation = manager.getByTestId('item-escalation').first();
  await expect(escalation).toContainText(/Opschaling: stagnatie in ZVH-\d{4}-\d{4}/);
  // No subject name reaches the manager's queue.
  await expect(manager.locator('main')).not.toContainText('Sem Bakker');
  await expect(manager.locator('main')).not.toContainText('Jan de Vries');
  await escalation.getByRole('link').click();
  await expect(manager).toHaveURL(/\/signals\?minLevel=manager$/);
  await expect(manager.getByRole('heading', { level: 1, name: 'Signalen' })).toBeVisible();

  await manager.goto('/');
  await manager.getByRole('link', { name: 'Naar het dashboard van deze week' }).click();
  await expect(manager).toHaveURL(/\/dashboard\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(manager.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await checkHome(manager, 'manager');

  // The same queue in English.
  await manager.getByRole('button', { name: 'Switch to English' }).click();
  await expect(manager.getByRole('heading', { level: 2, name: /^This week, / })).toBeVisible();
  await expect(manager.getByRole('heading', { level: 2, name: /^Escalated to you/ })).toBeVisible();
  await expect(manager.getByTestId('queue-escalations')).toContainText(/open at manager level or above/);
  await checkHome(manager, 'manager-en');
});

test('admin: a small queue of chores without case content, one click to each', async ({ browser }) => {
  const admin = await as(browser, 'admin@example.org');
  for (const id of ['grants', 'invitations', 'blocked-accounts', 'mail']) await expect(admin.getByTestId(`queue-${id}`)).toBeVisible();
  await expect(admin.locator('main')).not.toContainText(/ZVH-\d{4}-\d{4}/);
  await admin.getByTestId('queue-grants').getByRole('link', { name: 'Alles bekijken' }).click();
  await expect(admin).toHaveURL(/\/approvals$/);
  await checkHome(admin, 'admin');
});
