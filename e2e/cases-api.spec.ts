import { expect, test, type APIRequestContext, type Browser, type TestInfo } from '@playwright/test';
import { signInAndWait } from './helpers';

// Journeys through the case endpoints of the HTTP API, as scripts and other systems would use them.

const CONFLICT = 'Iemand anders heeft dit intussen gewijzigd. Herlaad de pagina en probeer het opnieuw.';
const CROSS_SITE = 'Verzoek van een andere website geweigerd.';

function referral(overrides: Record<string, unknown> = {}) {
  return {
    subject: { name: 'Bram Testpersoon', birthDate: '1988-04-01', address: 'Oudegracht 1, Utrecht' },
    municipalityCode: 'GM0344',
    targetGroup: 'overlast',
    criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
    reason: 'Overlast in de buurt en zorgen over zelfredzaamheid.',
    goal: 'Overlast stoppen en zorg op gang brengen.',
    ...overrides,
  };
}

const yearInAmsterdam = () =>
  new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date());

/** A second signed-in user next to the test's own page, in a browser context of its own. */
async function signedIn(browser: Browser, testInfo: TestInfo, email: string) {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signInAndWait(page, email);
  return { api: page.request, close: () => context.close() };
}

async function total(api: APIRequestContext): Promise<number> {
  const response = await api.get('/api/v1/cases');
  expect(response.status()).toBe(200);
  return (await response.json()).total;
}

/** The id of a demo case, found by the name of its subject (a regisseur sees every case). */
async function caseIdOf(api: APIRequestContext, subjectName: string): Promise<string> {
  const response = await api.get('/api/v1/cases', { params: { q: subjectName } });
  expect(response.status()).toBe(200);
  const { items } = await response.json();
  expect(items).toHaveLength(1);
  return items[0].id;
}

test('a regisseur refers a case and finds it in the list and by id', async ({ page }) => {
  await signInAndWait(page, 'regisseur@example.org');
  const api = page.request;
  const before = await total(api);

  const response = await api.post('/api/v1/cases', { data: referral() });
  expect(response.status()).toBe(201);
  const created = await response.json();
  expect(Object.keys(created).sort()).toEqual(['createdAt', 'id', 'number', 'status']);
  expect(created.number).toMatch(new RegExp(`^ZVH-${yearInAmsterdam()}-00\\d\\d$`));
  expect(created.status).toBe('aangemeld');

  expect(await total(api)).toBe(before + 1);
  const found = await (await api.get('/api/v1/cases', { params: { q: created.number } })).json();
  expect(found.items.map((c: { id: string }) => c.id)).toEqual([created.id]);

  const one = await api.get(`/api/v1/cases/${created.id}`);
  expect(one.status()).toBe(200);
  expect(await one.json()).toMatchObject({
    view: 'full',
    id: created.id,
    number: created.number,
    status: 'aangemeld',
    targetGroup: 'overlast',
    municipalityCode: 'GM0344',
    subject: { name: 'Bram Testpersoon', birthDate: '1988-04-01', address: 'Oudegracht 1, Utrecht' },
    regisseur: { name: 'Ingrid Bakker' },
    version: 1,
  });
});

test('bad input gets its Dutch message and status and changes nothing', async ({ page }) => {
  await signInAndWait(page, 'regisseur@example.org');
  const api = page.request;
  const before = await total(api);

  const future = await api.post('/api/v1/cases', {
    data: referral({ subject: { name: 'Bram Testpersoon', birthDate: '2999-01-01' } }),
  });
  expect(future.status()).toBe(422);
  expect((await future.json()).fieldErrors).toEqual({ 'subject.birthDate': ['De geboortedatum ligt in de toekomst.'] });

  const unknownMunicipality = await api.post('/api/v1/cases', { data: referral({ municipalityCode: 'GM9999' }) });
  expect(unknownMunicipality.status()).toBe(422);
  expect(await unknownMunicipality.json()).toEqual({
    error: 'Controleer de gemarkeerde velden.',
    fieldErrors: { municipalityCode: ['Deze gemeente bestaat niet (meer).'] },
  });

  const unknownField = await api.post('/api/v1/cases', { data: referral({ status: 'actief' }) });
  expect(unknownField.status()).toBe(422);
  expect((await unknownField.json()).fieldErrors).toEqual({ status: ['Onbekend veld.'] });

  const badQuery = await api.get('/api/v1/cases', { params: { status: 'gesloten', pageSize: '1000' } });
  expect(badQuery.status()).toBe(422);
  expect((await badQuery.json()).fieldErrors).toEqual({
    status: ['Onbekende status.'],
    pageSize: ['Maximaal 100 per pagina.'],
  });

  for (const request of [
    api.get('/api/v1/cases/12345'),
    api.patch('/api/v1/cases/12345', { data: { goal: 'Nieuw doel.', version: 1 } }),
    api.get('/api/v1/cases/not-a-uuid/partners'),
  ]) {
    const response = await request;
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual({ error: 'Geen geldige casus-id (verwacht een UUID).' });
  }

  // Henk Pieters' case is aangemeld in the demo data: it cannot be closed before triage.
  const id = await caseIdOf(api, 'Henk Pieters');
  const caseBefore = await (await api.get(`/api/v1/cases/${id}`)).json();
  expect(caseBefore.status).toBe('aangemeld');
  const close = await api.post(`/api/v1/cases/${id}/transitions`, {
    data: { action: 'close', result: 'Opgelost.', version: caseBefore.version },
  });
  expect(close.status()).toBe(422);
  expect(await close.json()).toEqual({
    error: 'Afsluiten kan niet: de casus is aangemeld.',
    fieldErrors: { action: ['Afsluiten kan niet: de casus is aangemeld.'] },
  });
  const unknownAction = await api.post(`/api/v1/cases/${id}/transitions`, { data: { action: 'archive', version: 1 } });
  expect(unknownAction.status()).toBe(422);
  expect((await unknownAction.json()).fieldErrors).toEqual({ action: ['Onbekende actie.'] });

  expect(await (await api.get(`/api/v1/cases/${id}`)).json()).toMatchObject({
    status: 'aangemeld',
    version: caseBefore.version,
    closureResult: null,
  });
  expect(await total(api)).toBe(before);
});

test('a professional gets 404 on a case its organisation is not convened to', async ({ page, browser }, testInfo) => {
  await signInAndWait(page, 'regisseur@example.org');
  const notConvened = await caseIdOf(page.request, 'Sem Bakker');
  const convened = await caseIdOf(page.request, 'Jan de Vries');

  const veiligThuis = await signedIn(browser, testInfo, 'veiligthuis@example.org');
  try {
    for (const path of [`/api/v1/cases/${notConvened}`, `/api/v1/cases/${notConvened}/partners`]) {
      const hidden = await veiligThuis.api.get(path);
      expect(hidden.status(), path).toBe(404);
      expect(await hidden.json()).toEqual({ error: 'Casus niet gevonden.' });
    }
    const edit = await veiligThuis.api.patch(`/api/v1/cases/${notConvened}`, { data: { goal: 'Ander doel.', version: 1 } });
    expect(edit.status()).toBe(404);

    // The same professional does see a case Veilig Thuis is convened to, in the partner's view.
    const shared = await veiligThuis.api.get(`/api/v1/cases/${convened}`);
    expect(shared.status()).toBe(200);
    expect(await shared.json()).toMatchObject({ view: 'shared', subject: { name: 'Jan de Vries' } });
    // …but may not change it: the case is visible, so that is a 403.
    const forbidden = await veiligThuis.api.patch(`/api/v1/cases/${convened}`, { data: { goal: 'Ander doel.', version: 1 } });
    expect(forbidden.status()).toBe(403);

    const list = await (await veiligThuis.api.get('/api/v1/cases', { params: { pageSize: '100' } })).json();
    const ids = list.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(convened);
    expect(ids).not.toContain(notConvened);
    expect(list.total).toBe(list.items.length);
  } finally {
    await veiligThuis.close();
  }
});

test('the manager sees a case without its subject or story, and cannot change it', async ({ page, browser }, testInfo) => {
  await signInAndWait(page, 'regisseur@example.org');
  const id = await caseIdOf(page.request, 'Jan de Vries');
  const regisseurTotal = await total(page.request);

  const manager = await signedIn(browser, testInfo, 'manager@example.org');
  try {
    const response = await manager.api.get(`/api/v1/cases/${id}`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ view: 'pseudonymised', id, status: 'actief', municipalityCode: 'GM0344' });
    for (const field of ['subject', 'reason', 'goal', 'involvedPartners', 'referrer', 'closureResult']) {
      expect(body, field).not.toHaveProperty(field);
    }
    expect(JSON.stringify(body)).not.toContain('Jan de Vries');

    const list = await (await manager.api.get('/api/v1/cases', { params: { pageSize: '100' } })).json();
    expect(list.total).toBe(regisseurTotal);
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) expect(item).not.toHaveProperty('subjectName');

    const partners = await (await manager.api.get(`/api/v1/cases/${id}/partners`)).json();
    expect(partners.total).toBeGreaterThan(0);
    for (const partner of partners.items) expect(partner).not.toHaveProperty('reason');

    const edit = await manager.api.patch(`/api/v1/cases/${id}`, { data: { goal: 'Ander doel.', version: body.version } });
    expect(edit.status()).toBe(403);
    expect(await edit.json()).toEqual({ error: 'Je hebt geen toestemming voor deze actie.' });
  } finally {
    await manager.close();
  }
});

test('PATCH saves with the current version and answers 409 to a stale one', async ({ page }) => {
  await signInAndWait(page, 'regisseur@example.org');
  const api = page.request;
  const { id } = await (await api.post('/api/v1/cases', { data: referral() })).json();
  const read = await (await api.get(`/api/v1/cases/${id}`)).json();

  const saved = await api.patch(`/api/v1/cases/${id}`, {
    data: { goal: 'Woning behouden.', subject: { address: '' }, version: read.version },
  });
  expect(saved.status()).toBe(200);
  const after = await saved.json();
  expect(after).toMatchObject({ id, goal: 'Woning behouden.', subject: { name: 'Bram Testpersoon', address: null } });
  expect(after.version).toBe(read.version + 1);

  const stale = await api.patch(`/api/v1/cases/${id}`, { data: { goal: 'Iets anders.', version: read.version } });
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toEqual({ error: CONFLICT });

  const staleLead = await api.put(`/api/v1/cases/${id}/lead`, { data: { userId: null, version: read.version } });
  expect(staleLead.status()).toBe(409);

  expect(await (await api.get(`/api/v1/cases/${id}`)).json()).toMatchObject({ goal: 'Woning behouden.', version: after.version });
});

test('a regisseur convenes a partner, which then sees the case until it is ended', async ({ page, browser }, testInfo) => {
  await signInAndWait(page, 'regisseur@example.org');
  const api = page.request;
  const { id } = await (await api.post('/api/v1/cases', { data: referral() })).json();
  const veiligThuis = await signedIn(browser, testInfo, 'veiligthuis@example.org');
  try {
    expect((await veiligThuis.api.get(`/api/v1/cases/${id}`)).status()).toBe(404);
    const me = await (await veiligThuis.api.get('/api/v1/me')).json();

    const add = await api.post(`/api/v1/cases/${id}/partners`, {
      data: { organisationId: me.organisation.id, reason: 'Signalen van huiselijk geweld.' },
    });
    expect(add.status()).toBe(201);
    const { id: partnerId } = await add.json();
    const again = await api.post(`/api/v1/cases/${id}/partners`, {
      data: { organisationId: me.organisation.id, reason: 'Nog een keer.' },
    });
    expect(again.status()).toBe(422);
    expect((await again.json()).fieldErrors).toEqual({ organisationId: ['Veilig Thuis Regio Utrecht is al betrokken bij deze casus.'] });

    const partners = await (await api.get(`/api/v1/cases/${id}/partners`)).json();
    expect(partners).toMatchObject({ total: 1, items: [{ id: partnerId, organisationName: 'Veilig Thuis Regio Utrecht', endedAt: null }] });
    expect((await veiligThuis.api.get(`/api/v1/cases/${id}`)).status()).toBe(200);

    const { version } = await (await api.get(`/api/v1/cases/${id}`)).json();
    const lead = await api.put(`/api/v1/cases/${id}/lead`, { data: { userId: me.id, version } });
    expect(lead.status()).toBe(200);
    expect(await lead.json()).toEqual({ id, version: version + 1 });

    const noReason = await api.post(`/api/v1/cases/${id}/partners/${partnerId}/end`, { data: {} });
    expect(noReason.status()).toBe(422);
    const end = await api.post(`/api/v1/cases/${id}/partners/${partnerId}/end`, { data: { reason: 'Niet langer nodig.' } });
    expect(end.status()).toBe(200);
    expect(await end.json()).toEqual({ id: partnerId });
    const endAgain = await api.post(`/api/v1/cases/${id}/partners/${partnerId}/end`, { data: { reason: 'Nog eens.' } });
    expect(endAgain.status()).toBe(404);

    expect((await veiligThuis.api.get(`/api/v1/cases/${id}`)).status()).toBe(404);
    // Its professional stopped being case lead when the organisation left.
    expect(await (await api.get(`/api/v1/cases/${id}`)).json()).toMatchObject({ caseLead: null });
  } finally {
    await veiligThuis.close();
  }
});

test('a mutating request from another website is refused; the own site is not', async ({ page }, testInfo) => {
  await signInAndWait(page, 'regisseur@example.org');
  const api = page.request;
  const before = await total(api);

  const evil = await api.post('/api/v1/cases', { data: referral(), headers: { origin: 'https://evil.example' } });
  expect(evil.status()).toBe(403);
  expect(await evil.json()).toEqual({ error: CROSS_SITE });
  const evilProfile = await api.patch('/api/v1/me', { data: { name: 'Overgenomen', version: 1 }, headers: { origin: 'https://evil.example' } });
  expect(evilProfile.status()).toBe(403);
  expect(await evilProfile.json()).toEqual({ error: CROSS_SITE });
  expect(await total(api)).toBe(before);

  // Reading is not affected, and the app's own origin may write.
  expect((await api.get('/api/v1/cases', { headers: { origin: 'https://evil.example' } })).status()).toBe(200);
  const own = await api.post('/api/v1/cases', { data: referral(), headers: { origin: new URL(testInfo.project.use.baseURL!).origin } });
  expect(own.status()).toBe(201);
  expect(await total(api)).toBe(before + 1);
});

test('the case endpoints answer 401 without a session; the OpenAPI document is public', async ({ request }) => {
  const list = await request.get('/api/v1/cases');
  expect(list.status()).toBe(401);
  expect(await list.json()).toEqual({ error: 'Je bent niet (meer) aangemeld.' });
  expect((await request.post('/api/v1/cases', { data: referral() })).status()).toBe(401);

  const response = await request.get('/api/v1/openapi.json');
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toMatch(/^3\.1/);
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining(['/api/v1/cases', '/api/v1/cases/{id}', '/api/v1/cases/{id}/transitions', '/api/v1/me']),
  );
  expect(document.components.securitySchemes.sessionCookie.name).toBe('casusregie.session');
});
