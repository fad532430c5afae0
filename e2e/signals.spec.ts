import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { ROLES, screenshot, signedInContext } from './helpers';
import { inDays } from './journey';

// Journey: the server's first sweep (10 s after start) finds the demo's stagnation; the regisseur sees an
// overdue agreement on the signals page, is refused a resolve without a note and a snooze in the past,
// resolves it with a note and sees it go; the notification centre counts the unread notifications and
// "mark all read" clears the count; the admin reads the mail of the sweep in the dev mailbox and is
// refused thresholds that contradict each other.

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

test('the regisseur resolves an overdue agreement signal, reads notifications, and the admin sees the mail', async ({ browser }) => {
  test.setTimeout(150_000);
  const { context: regisseurContext, page } = await signedInContext(browser, ROLES.regisseur.email);
  await waitForSignals(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Signalen' })).toBeVisible();

  // An overdue agreement, explained in Dutch, with its level and since when.
  const overdue = page.locator('[data-testid="signal"][data-rule="agreement_overdue"]');
  await expect(overdue.first()).toBeVisible();
  const target = overdue.first();
  const message = (await target.getByTestId('signal-message').textContent())!;
  expect(message).toMatch(/^Afspraak is (1 werkdag|[2-9]\d* werkdagen|1\d+ werkdagen) over de einddatum \(/);
  await expect(target.getByRole('heading', { name: 'Afspraak over de einddatum' })).toBeVisible();
  await expect(target.getByTestId('signal-level')).toHaveText(/Niveau: (Regisseur|Contactpersoon organisatie|Manager|Stuurgroep)/);
  await expect(target).toContainText(/Sinds \d+ \w+\.? \d{4}/);
  // Grouped by case: the group's heading names the case.
  const group = target.locator('xpath=ancestor::section[@data-testid="signal-group"]');
  const caseNumber = (await group.getByRole('heading', { level: 2 }).textContent())!.trim();
  expect(caseNumber).toMatch(/^ZVH-\d{4}-\d{4}$/);
  const before = await page.getByTestId('signal').count();
  await expectAccessible(page);
  await screenshot(page, 'signals');

  // Filters live in the URL.
  await page.getByLabel('Regel').selectOption({ label: 'Afspraak over de einddatum' });
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page).toHaveURL(/rule=agreement_overdue/);
  await expect(page.locator('[data-testid="signal"]:not([data-rule="agreement_overdue"])')).toHaveCount(0);
  const card = page.getByTestId('signal').filter({ hasText: message });
  await expect(card).toHaveCount(1);

  // A snooze date in the past is refused, and so is a resolve without a note: nothing changes.
  await card.getByText('Uitstellen', { exact: true }).click();
  await card.getByLabel('Uitstellen tot').fill(inDays(-1));
  await card.getByLabel('Waarom kan het wachten?').fill('Eerst het overleg afwachten.');
  await card.getByRole('button', { name: 'Signaal uitstellen' }).click();
  await expect(card.getByText('Kies een datum in de toekomst: vandaag of eerder kan niet.', { exact: true })).toBeVisible();
  await expect(card.getByLabel('Waarom kan het wachten?')).toHaveValue('Eerst het overleg afwachten.');
  await card.getByText('Afhandelen', { exact: true }).click();
  await card.getByRole('button', { name: 'Signaal afhandelen' }).click();
  await expect(card.getByText('Schrijf op hoe het signaal is afgehandeld.', { exact: true })).toBeVisible();
  await screenshot(page, 'signals-refused');

  // Resolved with a note: it stays in its place, marked, until the list is opened afresh; the filters stay.
  await card.getByLabel('Hoe is het afgehandeld?').fill('Gebeld met de uitvoerder: komt deze week rond.');
  await card.getByRole('button', { name: 'Signaal afhandelen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Signaal afgehandeld.' })).toBeVisible();
  await expect(page).toHaveURL(/rule=agreement_overdue/);
  await expect(page.getByTestId('signal').filter({ hasText: message })).toContainText('Afgehandeld');
  await expect(page.getByTestId('signal').filter({ hasText: message }).getByText('Afhandelen', { exact: true })).toHaveCount(0);
  await page.goto('/signals?rule=agreement_overdue');
  await expect(page.getByTestId('signal').filter({ hasText: message })).toHaveCount(0);
  await page.goto('/signals');
  await expect(page.getByTestId('signal')).toHaveCount(before - 1);
  await page.goto('/signals?status=resolved');
  const resolved = page.getByTestId('signal').filter({ hasText: message });
  await expect(resolved).toContainText('Afgehandeld door Ingrid Bakker');
  await expect(resolved).toContainText('Gebeld met de uitvoerder: komt deze week rond.');

  // The same through the API: the list, a resolve without a note (422), a stale version (409), the CSV.
  const listed = await page.request.get('/api/v1/signals?rule=agreement_overdue');
  expect(listed.status()).toBe(200);
  const { items, total } = (await listed.json()) as { items: { id: string; version: number; message: string }[]; total: number };
  expect(total).toBe(items.length);
  expect(items.some((s) => s.message === message)).toBe(false);
  const other = items[0]!;
  const noNote = await page.request.post(`/api/v1/signals/${other.id}/resolve`, { data: { note: '', version: other.version } });
  expect(noNote.status()).toBe(422);
  expect((await noNote.json()).fieldErrors.note).toEqual(['Schrijf op hoe het signaal is afgehandeld.']);
  const stale = await page.request.post(`/api/v1/signals/${other.id}/snooze`, { data: { until: inDays(5), reason: 'Wachtlijst.', version: other.version + 1 } });
  expect(stale.status()).toBe(409);
  const csv = await page.request.get('/api/v1/signals.csv?status=open&minLevel=manager');
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect((await csv.body()).toString('utf8')).toMatch(/^\ufeffCasus;Signaal;Niveau;Status;Organisatie;Sinds;Op dit niveau sinds;Uitleg\r\n/);

  // The case page shows the case's signals with their escalation history, and the one resolved.
  await page.getByRole('heading', { level: 2, name: caseNumber }).getByRole('link').click();
  const section = page.getByTestId('case-signals');
  await expect(section.getByRole('heading', { name: 'Signalen van stagnatie' })).toBeVisible();
  await section.getByText(/Afgehandelde signalen \(\d+\)/).click();
  await expect(section.getByTestId('signal').filter({ hasText: message })).toContainText('Afgehandeld door de regisseur');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'signals-case');

  // The stuurgroep report: what is open at manager level or higher.
  await page.goto('/signals?view=stuurgroep');
  await expect(page.getByRole('heading', { level: 2, name: 'Stuurgroeprapportage' })).toBeVisible();
  await expect(page.getByTestId('stuurgroep-report').getByRole('row')).not.toHaveCount(0);
  await screenshot(page, 'signals-stuurgroep');

  // The notification centre: an unread count in the header, and "mark all read" clears it.
  const bell = page.getByTestId('notifications-link');
  await expect(bell).toHaveAccessibleName(/^Meldingen \(\d+ ongelezen\)$/);
  const unread = Number(await bell.getByTestId('unread-count').textContent());
  expect(unread).toBeGreaterThan(0);
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
  await expect(page.locator('[data-testid="notification"][data-unread="true"]')).toHaveCount(Math.min(unread, 100));
  await expect(page.getByTestId('notification').filter({ hasText: /Nieuw signaal van stagnatie in ZVH-/ }).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'signals-notifications');
  await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
  await expect(page.getByTestId('notifications-link')).toHaveAccessibleName('Meldingen (geen ongelezen)');
  await expect(page.getByTestId('unread-summary')).toContainText('Alles gelezen');
  await expect(page.locator('[data-testid="notification"][data-unread="true"]')).toHaveCount(0);
  await regisseurContext.close();

  // The admin reads the sweep's mail in the dev mailbox (no SMTP in the embedded demo) ...
  const { context: adminContext, page: admin } = await signedInContext(browser, ROLES.admin.email);
  await admin.goto('/admin/mailbox');
  await expect(admin.getByRole('link', { name: 'Mailbox' })).toHaveAttribute('aria-current', 'page');
  // Other journeys put mail in the outbox too (an invitation, say): look at the stagnation mail.
  const stagnationSubject = /^(Herinnering: afspraak in|Opschaling: stagnatie in) ZVH-/;
  const mails = admin.getByTestId('mail').filter({ has: admin.getByTestId('mail-subject').filter({ hasText: stagnationSubject }) });
  await expect(mails.first()).toBeVisible();
  await expect(admin.getByTestId('mail-subject').filter({ hasText: stagnationSubject }).first()).toBeVisible();
  await expect(mails.first().getByTestId('mail-status')).toHaveText('Wacht');
  await expect(mails.first()).toContainText('Deze e-mail bevat bewust geen persoonsgegevens.');
  await expectAccessible(admin);
  await screenshot(admin, 'signals-mailbox');

  // ... and is refused thresholds that contradict each other, with the reason on the field.
  await admin.getByRole('link', { name: 'Instellingen', exact: true }).click();
  await expect(admin.getByRole('heading', { level: 2, name: 'Signalering van stagnatie' })).toBeVisible();
  await admin.getByLabel('Naar contactpersoon organisatie na (werkdagen)').fill('12');
  await admin.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(admin.getByText(/^Deze drempels spreken elkaar tegen: opschalen naar de manager \(10 werkdagen\)/)).toBeVisible();
  await expect(admin.getByLabel('Naar contactpersoon organisatie na (werkdagen)')).toHaveValue('12');
  await screenshot(admin, 'signals-settings-refused');
  await admin.getByLabel('Naar contactpersoon organisatie na (werkdagen)').fill('4');
  await admin.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(admin.getByText('Instellingen opgeslagen. De volgende signalering gebruikt ze.')).toBeVisible();
  await expect(admin.getByLabel('Naar contactpersoon organisatie na (werkdagen)')).toHaveValue('4');

  // An escalation contact for the police.
  await admin.getByRole('combobox', { name: 'Organisatie', exact: true }).selectOption({ label: 'Politie Midden-Nederland' });
  await admin.getByRole('textbox', { name: 'Naam', exact: true }).fill('Teamchef Utrecht-Centrum');
  await admin.getByRole('textbox', { name: 'E-mailadres', exact: true }).fill('teamchef@politie.example');
  await admin.getByRole('button', { name: 'Toevoegen' }).click();
  const politie = admin.getByTestId('organisation-contacts').filter({ hasText: 'Politie Midden-Nederland' });
  await expect(politie).toContainText('Teamchef Utrecht-Centrum <teamchef@politie.example>');
  await expectAccessible(admin);
  await screenshot(admin, 'signals-settings');
  await adminContext.close();
});
