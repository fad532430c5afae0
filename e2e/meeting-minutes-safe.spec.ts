import { expect, test, type Locator, type Page, type Route } from '@playwright/test';
import { DEMO_PASSWORD, nextCode, signedInContext, signInAndWait } from './helpers';

// Nothing typed is lost (issue 14): drafts restored after a visit to the case, a merge view when two
// note-takers save the same item, the idle warning, keep-alives while typing, and signing in again in place.
test.setTimeout(120_000);

const yesterday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() - 864e5));

/**
 * A casusoverleg of yesterday with one active case (its partners invited), started: minutes can be taken. Not
 * today's: a meeting that has not ended keeps its case off the agenda proposals later journeys rely on.
 */
async function runningMeeting(page: Page): Promise<string> {
  const api = page.request;
  const me = (await (await api.get('/api/v1/me')).json()) as { id: string };
  const list = (await (await api.get('/api/v1/cases')).json()) as { items: { id: string; status: string }[] };
  const active = list.items.find((c) => c.status === 'actief');
  expect(active, 'an active demo case').toBeTruthy();
  const partners = (await (await api.get(`/api/v1/cases/${active!.id}/partners`)).json()) as { items: { organisationId: string }[] };
  const created = await api.post('/api/v1/meetings', {
    data: {
      title: 'Casusoverleg notulen',
      kind: 'casusoverleg',
      date: yesterday(),
      startTime: '00:30',
      endTime: '23:30',
      chairUserId: me.id,
      caseIds: [active!.id],
      invitedOrganisationIds: [...new Set(partners.items.map((p) => p.organisationId))].slice(0, 2),
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const [action, version] of [['plan', 1], ['start', 2]] as const) {
    expect((await api.post(`/api/v1/meetings/${id}/transitions`, { data: { action, version } })).status()).toBe(200);
  }
  return `/meetings/${id}`;
}

async function shots(page: Page, name: string) {
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    await page.screenshot({ path: `e2e/screenshots/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

const firstItem = (page: Page) => page.getByTestId('agenda-item').first();
const caseLink = (item: Locator) => item.locator('h3 a');

test('minutes survive a visit to the case: autosaved, restored with a note, and leaving unsaved text asks first', async ({ page }) => {
  await signInAndWait(page, 'regisseur@example.org');
  const url = await runningMeeting(page);
  await page.goto(url);
  const item = firstItem(page);
  const minutes = item.getByLabel('Notulen');
  await minutes.fill('Huisverbod loopt af over twee weken.');
  await item.getByLabel('Uitkomst').fill('Politie evalueert.');
  await expect(item.getByRole('status')).toHaveText(/^Concept opgeslagen om \d\d:\d\d\.$/);

  // Saved as a draft: off to the case without a question, and back.
  await caseLink(item).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await page.goBack();
  await expect(minutes).toHaveValue('Huisverbod loopt af over twee weken.');
  await expect(item.getByLabel('Uitkomst')).toHaveValue('Politie evalueert.');
  await expect(item.getByText(/^Concept hersteld van \d\d:\d\d\./)).toBeVisible();

  // Typed and off at once, before the draft could reach the server: the link asks first, and staying keeps
  // the text. (The draft save is held back: on a fast server the save on blur could otherwise land between
  // the mouse press and the click, and then leaving is safe and rightly not asked.)
  const held: Route[] = [];
  await page.route('**/draft', (route) => (route.request().method() === 'PUT' ? void held.push(route) : route.continue()));
  await minutes.fill('Huisverbod loopt af over twee weken. GGZ belt vrijdag.');
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await caseLink(item).click();
  await expect.poll(() => asked).toBe('Je notulen zijn nog niet opgeslagen. Toch deze pagina verlaten?');
  await expect(page).toHaveURL(new RegExp(`${url}$`));
  await expect(minutes).toHaveValue('Huisverbod loopt af over twee weken. GGZ belt vrijdag.');
  for (const route of held.splice(0)) await route.continue();
  await page.unroute('**/draft');

  // Saved for real: the draft has done its work, and a reload shows the item as saved, without a note.
  await item.getByRole('button', { name: 'Notulen opslaan' }).click();
  await expect(item.getByRole('status')).toHaveText('Notulen opgeslagen.');
  await page.reload();
  await expect(minutes).toHaveValue('Huisverbod loopt af over twee weken. GGZ belt vrijdag.');
  await expect(item.getByText(/Concept hersteld/)).toHaveCount(0);
});

test('two note-takers on one item: the second save gets the merge view, never a silent overwrite', async ({ browser }) => {
  const ingrid = await signedInContext(browser, 'regisseur@example.org');
  const peter = await signedInContext(browser, 'regisseur2@example.org');
  const url = await runningMeeting(ingrid.page);
  await ingrid.page.goto(url);
  await peter.page.goto(url);
  const mine = firstItem(peter.page);
  const theirs = firstItem(ingrid.page);
  await mine.getByLabel('Notulen').fill('GGZ zoekt voorrang op de wachtlijst.');
  await theirs.getByLabel('Notulen').fill('Huisverbod loopt af; politie evalueert.');
  await theirs.getByRole('button', { name: 'Notulen opslaan' }).click();
  await expect(theirs.getByRole('status')).toHaveText('Notulen opgeslagen.');

  await mine.getByRole('button', { name: 'Notulen opslaan' }).click();
  const merge = mine.getByTestId('merge-view');
  await expect(merge).toBeVisible();
  await expect(mine.getByRole('alert')).toHaveText('Iemand anders heeft dit agendapunt intussen opgeslagen. Kies hieronder wat blijft.');
  await expect(merge.getByTestId('theirs-minutes')).toHaveText('Huisverbod loopt af; politie evalueert.');
  await expect(merge.getByTestId('mine-minutes')).toHaveText('GGZ zoekt voorrang op de wachtlijst.');
  // Nothing was overwritten: Ingrid's text is what is saved.
  await ingrid.page.reload();
  await expect(theirs.getByLabel('Notulen')).toHaveValue('Huisverbod loopt af; politie evalueert.');
  await mine.scrollIntoViewIfNeeded();
  await merge.scrollIntoViewIfNeeded();
  await shots(peter.page, 'minutes-merge-view');

  // Both stay (the default), saved against the version just read.
  await expect(merge.getByLabel('Notulen: wat blijft')).toHaveValue('Huisverbod loopt af; politie evalueert.\n\nGGZ zoekt voorrang op de wachtlijst.');
  await merge.getByRole('button', { name: 'Samengevoegd opslaan' }).click();
  await expect(mine.getByRole('status')).toHaveText('Notulen opgeslagen.');
  await ingrid.page.reload();
  await expect(theirs.getByLabel('Notulen')).toHaveValue('Huisverbod loopt af; politie evalueert.\n\nGGZ zoekt voorrang op de wachtlijst.');
  await ingrid.context.close();
  await peter.context.close();
});

test('typing keeps the session alive (a keep-alive a minute over 30 simulated minutes); idle, it warns two minutes before the end', async ({ page }) => {
  await page.clock.install();
  await signInAndWait(page, 'regisseur@example.org');
  const url = await runningMeeting(page);
  const keepAlives: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/session') keepAlives.push(Date.now());
  });
  await page.goto(url);
  const minutes = firstItem(page).getByLabel('Notulen');
  await minutes.click();
  await expect.poll(() => keepAlives.length).toBe(1);

  // Half an hour of typing, a minute at a time: one keep-alive a minute, and never a warning.
  for (let minute = 1; minute <= 30; minute++) {
    await page.clock.fastForward('01:00');
    await minutes.press('End');
    await minutes.pressSequentially(`${minute} `);
    await expect.poll(() => keepAlives.length).toBe(minute + 1);
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  }
  // More typing within the same minute sends nothing more.
  await minutes.pressSequentially('klaar');
  await page.waitForTimeout(300);
  expect(keepAlives).toHaveLength(31);

  // Then nobody touches the screen: after 13 minutes the warning.
  await page.clock.fastForward('13:05');
  const warning = page.getByRole('alertdialog', { name: 'Je wordt over 2 minuten afgemeld' });
  await expect(warning).toBeVisible();
  await shots(page, 'session-warning');
  await warning.getByRole('button', { name: 'Aangemeld blijven' }).click();
  await expect(warning).toHaveCount(0);
  expect(keepAlives).toHaveLength(32);
  await expect(minutes).toHaveValue(/29 30 klaar$/);
});

test('a save that meets an ended session: sign in again in place with password and code, and the save completes with the text intact', async ({ page, context }) => {
  await signInAndWait(page, 'regisseur@example.org');
  const url = await runningMeeting(page);
  await page.goto(url);
  const item = firstItem(page);
  const minutes = item.getByLabel('Notulen');
  await minutes.fill('Veiligheidsplan besproken.');
  await expect(item.getByRole('status')).toHaveText(/^Concept opgeslagen om/);

  // The session ends behind the user's back (signed out elsewhere, or timed out on the server).
  await context.clearCookies();
  expect((await page.request.get('/api/v1/session')).status()).toBe(401);
  // Another form of the page: "Je sessie is verlopen", not an error page about the database.
  await page.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
  await expect(page.getByText('Je sessie is verlopen. Meld je opnieuw aan; wat je invulde staat nog in het formulier.')).toBeVisible();
  await expect(page.getByText(/database/)).toHaveCount(0);

  await minutes.fill('Veiligheidsplan besproken. Gezin werkt mee.');
  await item.getByRole('button', { name: 'Notulen opslaan' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Je sessie is verlopen' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('regisseur@example.org');
  await expect(minutes).toHaveValue('Veiligheidsplan besproken. Gezin werkt mee.');
  await shots(page, 'session-sign-in-again');

  await dialog.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await dialog.getByLabel('Verificatiecode').fill(await nextCode(new URL(page.url()).origin, 'regisseur@example.org'));
  await dialog.getByRole('button', { name: 'Opnieuw aanmelden' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(item.getByRole('status')).toHaveText('Notulen opgeslagen.');
  await expect(page).toHaveURL(new RegExp(`${url}$`));
  await page.reload();
  await expect(minutes).toHaveValue('Veiligheidsplan besproken. Gezin werkt mee.');
});
