import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { screenshot } from './helpers';
import { inDays, signedInPage } from './journey';

const TITLE = 'Casusoverleg Utrecht-Noord';
const AGREEMENT_POLITIE = 'Wijkagent legt een huisbezoek af bij het gezin';
const AGREEMENT_GGZ = 'Intake agressieregulatie met voorrang plannen';

async function transition(page: Page, button: string, status: string) {
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('main h1 + span')).toHaveText(status);
}

test('a regisseur plans a casusoverleg with two cases; GGZ sees only its own case; the meeting runs, agreements are made and followed up', async ({ browser }) => {
  const regisseur = await signedInPage(browser, 'regisseur@example.org');

  // Prepare: the agenda proposes the cases that need the table.
  await regisseur.goto('/meetings');
  await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText('Overleggen');
  await expect(regisseur.getByTestId('feed-url')).toHaveValue(/\/api\/v1\/calendar\/[0-9a-f-]{36}\/[\w-]+\.ics$/);
  await regisseur.getByRole('link', { name: 'Nieuw overleg' }).click();
  await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText('Nieuw overleg');

  // An overleg that ends before it starts is refused with a Dutch message, and nothing is lost.
  await regisseur.getByLabel('Titel').fill(TITLE);
  await regisseur.getByLabel('Datum').fill(inDays(9));
  await regisseur.getByLabel('Begintijd').fill('10:00');
  await regisseur.getByLabel('Eindtijd').fill('09:00');
  await regisseur.getByLabel('Locatie').fill('Veiligheidshuis Utrecht, zaal Domtoren');
  for (const organisation of ['Politie Midden-Nederland', 'Altrecht GGZ', 'Gemeente Utrecht']) {
    await regisseur.getByRole('checkbox', { name: organisation }).check();
  }
  const jan = regisseur.getByRole('checkbox', { name: /Jan de Vries/ });
  const sem = regisseur.getByRole('checkbox', { name: /Sem Bakker/ });
  await expect(regisseur.locator('label', { has: jan })).toContainText('afspraken over tijd');
  await jan.check();
  await sem.check();
  await regisseur.getByRole('button', { name: 'Overleg aanmaken' }).click();
  await expect(regisseur.getByText('Het overleg eindigt vóór het begint.', { exact: true })).toBeVisible();
  await expect(regisseur.getByLabel('Eindtijd')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(regisseur, 'meeting-new');
  await expect(regisseur.getByRole('checkbox', { name: 'Altrecht GGZ' })).toBeChecked();
  await expect(regisseur.getByRole('checkbox', { name: /Sem Bakker/ })).toBeChecked();
  await regisseur.getByLabel('Eindtijd').fill('11:30');
  await regisseur.getByRole('button', { name: 'Overleg aanmaken' }).click();

  // In concept: nobody is invited yet.
  await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(regisseur.getByRole('status')).toContainText('aangemaakt als concept');
  const meetingUrl = new URL(regisseur.url()).pathname;
  const meetingId = meetingUrl.split('/').at(-1)!;
  const items = regisseur.getByTestId('agenda-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Jan de Vries');
  await expect(items.nth(1)).toContainText('Sem Bakker');
  // The afsprakencheck opens each case item; overdue agreements are marked.
  await expect(items.nth(0).getByTestId('open-agreement').first()).toContainText('te laat');

  // Reorder and back: the agenda is the regisseur's until the meeting starts.
  await items.nth(1).getByRole('button', { name: 'Agendapunt 2 omhoog' }).click();
  await expect(items.nth(0)).toContainText('Sem Bakker');
  await items.nth(1).getByRole('button', { name: 'Agendapunt 2 omhoog' }).click();
  await expect(items.nth(0)).toContainText('Jan de Vries');

  await transition(regisseur, 'Plannen en uitnodigen', 'Gepland');

  // The invitation: a real .ics download, served as text/calendar.
  const downloading = regisseur.waitForEvent('download');
  await regisseur.getByRole('link', { name: 'Agenda-uitnodiging (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^overleg-\d{4}-\d{2}-\d{2}\.ics$/);
  const ics = await regisseur.request.get(`/api/v1/meetings/${meetingId}/ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const body = await ics.text();
  expect(body).toContain('METHOD:REQUEST');
  expect(body).toContain('TZID=Europe/Amsterdam');
  expect(body).toContain(`UID:${meetingId}@casusregie`);
  expect(body).not.toContain('Jan de Vries');

  // GGZ is convened to Jan de Vries, not to Sem Bakker: the other item is a besloten agendapunt.
  const ggz = await signedInPage(browser, 'ggz@example.org');
  await ggz.goto(meetingUrl);
  await expect(ggz.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  const seen = ggz.getByTestId('agenda-item');
  await expect(seen).toHaveCount(2);
  await expect(seen.nth(0)).toContainText('Jan de Vries');
  await expect(seen.nth(1)).toContainText('Besloten agendapunt');
  expect(await ggz.locator('main').innerText()).not.toContain('Sem Bakker');
  await expect(ggz.getByRole('button', { name: 'Overleg starten' })).toHaveCount(0);
  await screenshot(ggz, 'meeting-ggz');
  await ggz.goto(`${meetingUrl}/print`);
  await expect(ggz.getByTestId('print-view')).toContainText('Jan de Vries');
  await expect(ggz.getByTestId('print-view')).toContainText('Besloten agendapunt');
  expect(await ggz.locator('main').innerText()).not.toContain('Sem Bakker');
  await screenshot(ggz, 'meeting-print-ggz');
  const ggzApi = await ggz.request.get(`/api/v1/meetings/${meetingId}`);
  expect(JSON.stringify(await ggzApi.json())).not.toContain('Sem Bakker');

  // Veilig Thuis is not invited: the meeting does not exist for it.
  const veiligThuis = await signedInPage(browser, 'veiligthuis@example.org');
  expect((await veiligThuis.goto(meetingUrl))?.status()).toBe(404);

  // The meeting runs: attendance and minutes, only now.
  // Nine days ahead: starting now asks for a confirmation first.
  await regisseur.getByRole('button', { name: 'Overleg starten' }).click();
  await regisseur.getByRole('checkbox', { name: 'Ja, ik wil dit overleg nu al starten.' }).check();
  await transition(regisseur, 'Overleg starten', 'Bezig');
  const attendance = regisseur.locator('section', { has: regisseur.getByRole('heading', { name: 'Uitgenodigd' }) });
  await attendance.getByLabel('Politie Midden-Nederland').selectOption({ label: 'Aanwezig' });
  await attendance.getByLabel('Altrecht GGZ').selectOption({ label: 'Afgemeld' });
  await attendance.getByLabel('Gemeente Utrecht').selectOption({ label: 'Aanwezig' });
  await attendance.getByRole('button', { name: 'Aanwezigheid opslaan' }).click();
  await expect(attendance.getByRole('status')).toHaveText('Aanwezigheid opgeslagen.');

  const first = items.nth(0);
  await first.getByLabel('Notulen').fill('Veiligheidsplan besproken met alle partners.\n- Huisverbod loopt af over twee weken\n- **GGZ** zoekt voorrang op de wachtlijst');
  await first.getByLabel('Uitkomst').fill('Politie evalueert het huisverbod; GGZ meldt voor vrijdag de startdatum.');
  await first.getByLabel('Status van het agendapunt').selectOption({ label: 'Besproken' });
  await first.getByRole('button', { name: 'Notulen opslaan' }).click();
  await expect(first.getByRole('status')).toHaveText('Notulen opgeslagen.');
  await screenshot(regisseur, 'meeting-running');

  // Two agreements are made on the case during the meeting (the case page's "Afspraak maken").
  await first.getByRole('link', { name: /Jan de Vries/ }).click();
  const agreements = regisseur.locator('section#agreements');
  for (const [description, owner] of [
    [AGREEMENT_POLITIE, 'Politie Midden-Nederland'],
    [AGREEMENT_GGZ, 'Altrecht GGZ'],
  ] as const) {
    await agreements.getByLabel('Wat is afgesproken?').fill(description);
    await agreements.getByLabel('Uitvoerende organisatie').selectOption({ label: owner });
    await agreements.getByLabel('Uiterlijk klaar op').fill(inDays(14));
    await agreements.getByRole('button', { name: 'Afspraak maken' }).click();
    await expect(agreements.getByTestId('case-agreements')).toContainText(description);
  }
  await regisseur.goto(meetingUrl);
  await expect(items.nth(0).getByTestId('open-agreement').filter({ hasText: AGREEMENT_POLITIE })).toContainText('nog geen');
  await expect(items.nth(0).getByTestId('open-agreement').filter({ hasText: AGREEMENT_GGZ })).toBeVisible();

  // The police professional logs progress in Mijn afspraken; the afsprakencheck shows it.
  const politie = await signedInPage(browser, 'politie@example.org');
  await politie.goto('/my-agreements');
  const own = politie.getByTestId('agreement').filter({ hasText: AGREEMENT_POLITIE });
  await own.getByRole('button', { name: 'Voortgang vastleggen' }).click();
  await own.getByLabel('Wat heb je gedaan?').fill('Huisbezoek afgelegd; gezin is bereikbaar en werkt mee.');
  await own.getByRole('button', { name: 'Voortgang vastleggen' }).click();
  await expect(own.getByRole('status')).toHaveText('Voortgang vastgelegd.');
  await regisseur.reload();
  await expect(items.nth(0).getByTestId('open-agreement').filter({ hasText: AGREEMENT_POLITIE })).not.toContainText('nog geen');

  await transition(regisseur, 'Overleg afronden', 'Afgerond');
  // Read-only now: the minutes as text, with their formatting, and no forms.
  await expect(first.getByRole('listitem').filter({ hasText: 'Huisverbod loopt af' })).toBeVisible();
  await expect(first.locator('strong', { hasText: 'GGZ' })).toBeVisible();
  await expect(regisseur.getByRole('button', { name: 'Notulen opslaan' })).toHaveCount(0);
  await expect(regisseur.getByTestId('invitees')).toContainText('Afgemeld');
  await screenshot(regisseur, 'meeting-regisseur');

  await regisseur.getByRole('link', { name: 'Agenda en notulen afdrukken' }).click();
  const print = regisseur.getByTestId('print-view');
  await expect(print).toContainText('Agenda en verslag');
  await expect(print).toContainText('Sem Bakker');
  await expect(print).toContainText('Politie evalueert het huisverbod');
  await regisseur.emulateMedia({ media: 'print' });
  await expect(regisseur.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeHidden();
  await expect(regisseur.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await screenshot(regisseur, 'meeting-print');
  await regisseur.emulateMedia({ media: 'screen' });

  // The meeting shows in the list, and the personal feed carries it without a session.
  await regisseur.goto('/meetings');
  await expect(regisseur.getByRole('link', { name: TITLE }).first()).toBeVisible();
  const feedUrl = await regisseur.getByTestId('feed-url').inputValue();
  const anonymous = await browser.newContext();
  const feed = await anonymous.request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  expect(await feed.text()).toContain(`UID:${meetingId}@casusregie`);
  expect((await anonymous.request.get(feedUrl.replace(/[\w-]{4}\.ics$/, 'AAAA.ics'))).status()).toBe(404);
  await anonymous.close();
});

test('the meeting pages have no WCAG 2.1 A/AA violations', async ({ browser }) => {
  const regisseur = await signedInPage(browser, 'regisseur@example.org');
  await regisseur.goto('/meetings');
  await expectAccessible(regisseur);
  await screenshot(regisseur, 'meetings-regisseur');
  await regisseur.goto('/meetings/new');
  await expectAccessible(regisseur);
  // The demo's planned casusoverleg of next week.
  await regisseur.goto('/meetings');
  await regisseur.getByRole('table', { name: 'Komende overleggen' }).getByRole('link', { name: 'Casusoverleg ZVH Utrecht' }).click();
  await expect(regisseur.getByTestId('agenda-item')).toHaveCount(3);
  await expectAccessible(regisseur);
  await regisseur.getByRole('link', { name: 'Agenda en notulen afdrukken' }).click();
  await expect(regisseur.getByTestId('print-view')).toBeVisible();
  await expectAccessible(regisseur);

  // A professional finds the meetings of their organisation, and the past one with its minutes.
  const ggz = await signedInPage(browser, 'ggz@example.org');
  await ggz.goto('/meetings');
  await expect(ggz.getByRole('heading', { level: 1 })).toHaveText('Overleggen');
  await expect(ggz.getByRole('link', { name: 'Nieuw overleg' })).toHaveCount(0);
  await ggz.getByRole('table', { name: 'Afgelopen overleggen' }).getByRole('link', { name: 'Casusoverleg ZVH Utrecht' }).click();
  await expect(ggz.getByTestId('agenda-item').nth(0)).toContainText('Veiligheidsplan in de maak.');
  await expect(ggz.getByTestId('agenda-item').nth(1)).toContainText('Besloten agendapunt');
  await expectAccessible(ggz);
  expect((await ggz.goto('/meetings/new'))?.status()).toBe(404);
});

test('the meetings API: create, reschedule with a version, move through the lifecycle, and the access rules', async ({ browser, playwright }) => {
  const regisseur = (await signedInPage(browser, 'regisseur@example.org')).request;
  const me = await (await regisseur.get('/api/v1/me')).json();
  const body = {
    title: 'Stuurgroep via de API',
    kind: 'stuurgroep',
    date: inDays(20),
    startTime: '14:00',
    endTime: '15:00',
    videoUrl: 'https://teams.example.org/stuurgroep',
    chairUserId: me.id,
  };

  // Bad input: a Dutch message per field, and nothing written.
  const bad = await regisseur.post('/api/v1/meetings', { data: { ...body, endTime: '13:00', videoUrl: 'http://x.example' } });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).fieldErrors).toEqual({
    endTime: ['Het overleg eindigt vóór het begint.'],
    videoUrl: ['Gebruik een https-link.'],
  });

  const created = await regisseur.post('/api/v1/meetings', { data: body });
  expect(created.status()).toBe(201);
  const meeting = await created.json();
  expect(meeting).toMatchObject({ title: body.title, status: 'concept', version: 1, agenda: [], invitees: [], chairName: 'Ingrid Bakker' });

  const moved = await regisseur.patch(`/api/v1/meetings/${meeting.id}`, { data: { date: inDays(21), startTime: '15:00', endTime: '16:00', version: 1 } });
  expect(moved.status()).toBe(200);
  expect((await moved.json()).version).toBe(2);
  const stale = await regisseur.patch(`/api/v1/meetings/${meeting.id}`, { data: { date: inDays(22), startTime: '15:00', endTime: '16:00', version: 1 } });
  expect(stale.status()).toBe(409);

  const illegal = await regisseur.post(`/api/v1/meetings/${meeting.id}/transitions`, { data: { action: 'finish', version: 2 } });
  expect(illegal.status()).toBe(422);
  expect((await illegal.json()).error).toBe('Dit kan niet: het overleg is een concept.');
  const planned = await regisseur.post(`/api/v1/meetings/${meeting.id}/transitions`, { data: { action: 'plan', version: 2 } });
  expect(await planned.json()).toEqual({ id: meeting.id, status: 'gepland', version: 3 });
  const list = await (await regisseur.get('/api/v1/meetings')).json();
  expect(list.items.map((m: { id: string }) => m.id)).toContain(meeting.id);
  expect((await regisseur.get('/api/v1/meetings?period=someday')).status()).toBe(422);

  // Nobody else: a professional of an organisation that is not invited gets 404, a manager 403, a stranger 401.
  const politie = (await signedInPage(browser, 'politie@example.org')).request;
  expect((await politie.get(`/api/v1/meetings/${meeting.id}`)).status()).toBe(404);
  expect((await politie.get(`/api/v1/meetings/${meeting.id}/ics`)).status()).toBe(404);
  expect((await politie.post(`/api/v1/meetings`, { data: body })).status()).toBe(403);
  const manager = (await signedInPage(browser, 'manager@example.org')).request;
  expect((await manager.get('/api/v1/meetings')).status()).toBe(403);
  const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await stranger.get('/api/v1/meetings')).status()).toBe(401);
  expect((await stranger.get(`/api/v1/meetings/${meeting.id}/ics`)).status()).toBe(401);
  await stranger.dispose();

  // Documented in the OpenAPI document.
  const doc = await (await regisseur.get('/api/v1/openapi.json')).json();
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/meetings', '/api/v1/meetings/{id}', '/api/v1/meetings/{id}/ics']));
});
