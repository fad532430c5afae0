import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { ROLES, screenshot, signedInContext } from './helpers';

// Journey: the regisseur works through the signals. Each agreement is one card listing all its signals,
// the cases in a fixed order; resolving one leaves every group and card where it was (the acted-on card
// marked) until the list is opened afresh; the page is a fraction of its old length and fits a phone.
// Opening a notification marks it read.

/** The sweep runs 10 s after the server started: reload the signals page until it has signals. */
async function waitForSignals(page: Page) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    await page.goto('/signals');
    if ((await page.getByTestId('signal').count()) > 0) return;
    if (Date.now() > deadline) throw new Error('no signals appeared within 45 s of the first sweep');
    await page.waitForTimeout(3000);
  }
}

/** The layout as the regisseur sees it: case headings, and per card what it is about. */
async function layout(page: Page) {
  return {
    groups: await page.getByTestId('signal-group').getByRole('heading', { level: 2 }).allTextContents(),
    cards: await page.getByTestId('signal-card').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-subject')}:${el.getAttribute('data-subject-id')}`)),
  };
}

async function resolveIn(page: Page, cardIndex: number, note: string) {
  const card = page.getByTestId('signal-card').nth(cardIndex);
  const signal = card.getByTestId('signal').first();
  await signal.getByText('Afhandelen', { exact: true }).click();
  await signal.getByLabel('Hoe is het afgehandeld?').fill(note);
  const actedBefore = actedIn(page);
  await signal.getByRole('button', { name: 'Signaal afhandelen' }).click();
  // Back on the list, with this signal added to those acted on.
  await expect.poll(() => actedIn(page)).toBe(actedBefore + 1);
  await expect(page.getByRole('status').filter({ hasText: 'Signaal afgehandeld.' })).toBeVisible();
}

const actedIn = (page: Page) => new URL(page.url()).searchParams.get('acted')?.split(',').length ?? 0;

test('the regisseur works through signals grouped per agreement, in an order that stays put', async ({ browser }) => {
  test.setTimeout(150_000);
  const { context, page } = await signedInContext(browser, ROLES.regisseur.email);
  await page.setViewportSize({ width: 1440, height: 900 });
  await waitForSignals(page);

  // One card per agreement, listing all of its signals.
  const before = await layout(page);
  const agreementCards = before.cards.filter((c) => c.startsWith('agreement:'));
  expect(agreementCards.length).toBeGreaterThan(0);
  expect(new Set(agreementCards).size).toBe(agreementCards.length);
  const signalCount = await page.getByTestId('signal').count();
  expect(before.cards.length).toBeLessThan(signalCount);
  const perCard = await page.getByTestId('signal-card').evaluateAll((els) => els.map((el) => el.querySelectorAll('[data-testid="signal"]').length));
  expect(Math.max(...perCard)).toBeGreaterThan(1);
  // Cases by number, oldest first.
  const numbers = before.groups.filter((g) => /^ZVH-/.test(g.trim()));
  expect(numbers).toEqual([...numbers].sort());

  // Much shorter: every signal used to be a block of its own with its heading, agreement and a row of
  // actions (about 235 px a signal: 4,700 px for the demo's 20). Now a signal is two lines on its card.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const list = (await page.getByTestId('signal-group').first().boundingBox())!;
  const last = (await page.getByTestId('signal-group').last().boundingBox())!;
  const listHeight = last.y + last.height - list.y;
  const rows = await page.getByTestId('signal').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  console.log(`signals page at 1440 px: ${height} px (list ${Math.round(listHeight)} px) for ${signalCount} signals on ${before.cards.length} cards in ${before.groups.length} groups`);
  await screenshot(page, 'signals-grouped-1440');
  expect(listHeight / signalCount).toBeLessThan(140);
  expect(Math.max(...rows)).toBeLessThan(80);
  await expectAccessible(page);

  // Resolve a signal on a card in the middle, then one on another card: nothing moves, both are marked.
  const middle = Math.floor(before.cards.length / 2);
  await resolveIn(page, middle, 'Gebeld met de uitvoerder: het loopt weer.');
  expect(await layout(page)).toEqual(before);
  const other = middle === 0 ? 1 : 0;
  await resolveIn(page, other, 'Besproken in het overleg.');
  expect(await layout(page)).toEqual(before);
  const acted = page.getByTestId('signal-card').nth(middle);
  await expect(acted.getByTestId('signal').first()).toContainText('Afgehandeld');
  if ((await acted.getByTestId('signal').count()) === 1) await expect(acted).toHaveAttribute('data-acted', 'true');
  await screenshot(page, 'signals-grouped-acted');

  // Opened afresh, the list has let go of what was resolved (a card with one signal is gone).
  await page.goto('/signals');
  expect(await page.getByTestId('signal').count()).toBe(signalCount - 2);

  // At 360 px: no sideways scrolling, still accessible.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/signals');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await screenshot(page, 'signals-grouped-360');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Opening a notification marks it read and follows its link.
  await page.goto('/notifications');
  const bellCount = async () => Number(await page.getByTestId('notifications-link').getByTestId('unread-count').textContent());
  const unreadBefore = await bellCount();
  expect(unreadBefore).toBeGreaterThan(0);
  const first = page.locator('[data-testid="notification"][data-unread="true"]').first();
  const title = (await first.getByRole('button').first().textContent())!.trim();
  const sameTitle = (p: Page) => p.locator('[data-testid="notification"][data-unread="true"]').filter({ hasText: title });
  const sameBefore = await sameTitle(page).count();
  await first.getByRole('button', { name: title, exact: true }).click();
  await expect(page).not.toHaveURL(/\/notifications$/);
  await page.goto('/notifications');
  await expect(sameTitle(page)).toHaveCount(sameBefore - 1);
  expect(await bellCount()).toBe(unreadBefore - 1);
  await context.close();
});
