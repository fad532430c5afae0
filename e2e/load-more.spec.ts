import { expect, test } from '@playwright/test';
import { ROLES, screenshot, signedInContext } from './helpers';
import { expectMainAccessible, inDays } from './journey';

// Journey: Mijn afspraken shows 50 agreements at a time. "Meer laden" is a link with the next page's
// cursor in its URL (it works without JavaScript); with JavaScript it appends the next 50 in place, and
// what the professional had open on the page stays open. A changed cursor is said on the page.

const EXTRA = 60;

test('a professional loads the next 50 agreements in place, and the cursor link works on its own', async ({ browser }) => {
  test.setTimeout(180_000);
  const { context: regisseurContext, page: regisseur } = await signedInContext(browser, ROLES.regisseur.email);
  const { context, page } = await signedInContext(browser, ROLES.professional.email);

  // Set-up through the API: a case of its own with the police convened (the demo's cases are other journeys'
  // agendas), and 60 agreements for the police on it, due far ahead (a due date cannot lie in the past).
  const me = (await (await page.request.get('/api/v1/me')).json()) as { organisation: { id: string } };
  const organisationId = me.organisation.id;
  const referral = await regisseur.request.post('/api/v1/cases', {
    data: {
      subject: { name: 'Lotte Vervolgpagina', birthDate: '1988-02-29', address: null },
      municipalityCode: 'GM0344',
      targetGroup: 'overlast',
      criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
      reason: 'Melding voor de journey van de vervolgpagina.',
      goal: 'Zestig afspraken om door te bladeren.',
    },
  });
  expect(referral.status()).toBe(201);
  const caseId = ((await referral.json()) as { id: string }).id;
  const convened = await regisseur.request.post(`/api/v1/cases/${caseId}/partners`, { data: { organisationId, reason: 'Politie voert de afspraken uit.' } });
  expect(convened.status()).toBe(201);
  for (let i = 0; i < EXTRA; i += 1) {
    const made = await regisseur.request.post(`/api/v1/cases/${caseId}/agreements`, {
      data: { description: `Vervolgafspraak ${String(i + 1).padStart(2, '0')}`, ownerOrganisationId: organisationId, dueDate: inDays(300 + (i % 5)) },
    });
    expect(made.status()).toBe(201);
  }
  await regisseurContext.close();

  const all = (await (await page.request.get('/api/v1/agreements')).json()) as { total: number; items: unknown[]; nextCursor: string | null };
  expect(all.items).toHaveLength(50);
  expect(all.total).toBeGreaterThan(50 + 10);
  expect(all.nextCursor).toBeTruthy();

  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/my-agreements');
    const cards = page.getByTestId('agreement-list').locator('[data-agreement]');
    await expect(cards).toHaveCount(50);
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`${all.total} afspraken`) })).toBeVisible();
    const more = page.getByRole('link', { name: 'Meer laden' });
    const href = (await more.getAttribute('href'))!;
    expect(href).toMatch(/^\/my-agreements\?cursor=/);
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/screenshots/load-more-button-${width}.png` });

    // The page's state: a mark on the window that a navigation would lose, and (wide) a history opened on the
    // first card, which brings in the list's interactive island; narrow, the server-rendered list appends.
    await page.evaluate(() => ((window as unknown as { kept: number }).kept = 1));
    const first = cards.first();
    const history = first.getByRole('button', { name: /Geschiedenis/ });
    if (width === 1440) {
      await history.click();
      await expect(history).toHaveAttribute('aria-expanded', 'true');
    }

    await more.click();
    await expect(cards).toHaveCount(Math.min(all.total, 100));
    expect(await page.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(1);
    expect(new URL(page.url()).search).toBe('');
    if (width === 360) {
      // The island takes over every card shown, not just the first page.
      await history.click();
      await expect(history).toHaveAttribute('aria-expanded', 'true');
      await expect(cards).toHaveCount(Math.min(all.total, 100));
    }
    await expect(history).toHaveAttribute('aria-expanded', 'true');
    const ids = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-agreement')));
    expect(new Set(ids).size).toBe(ids.length);
    await expect(page.getByText('Vervolgafspraak 60', { exact: true })).toBeVisible();
    await expectMainAccessible(page);
    await screenshot(page, `load-more-${width}`);

    // Without JavaScript the link itself is the next page: the list from the 51st agreement on.
    await page.goto(href);
    await expect(cards).toHaveCount(Math.min(all.total - 50, 50));
    expect(await cards.first().getAttribute('data-agreement')).toBe(ids[50]);
  }

  // A changed cursor: a clear message, and the list from its start; the API answers 422.
  await page.goto('/my-agreements?cursor=bogus.cursor');
  await expect(page.getByText('Deze vervolgpagina bestaat niet (meer). Begin opnieuw bij de eerste pagina.')).toBeVisible();
  await expect(page.getByTestId('agreement-list').locator('[data-agreement]')).toHaveCount(50);
  const refused = await page.request.get('/api/v1/agreements?cursor=bogus.cursor');
  expect(refused.status()).toBe(422);
  await context.close();
});
