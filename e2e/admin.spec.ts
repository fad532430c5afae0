import { rm } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { timeStep, totpCode } from '../lib/auth/totp';
import { ROLES, screenshot, signInAndWait } from './helpers';
import { startMailCatcher } from './mail-catcher';
import { startOwnServer, type OwnServer } from './own-server';

/*
 * Functioneel beheer: an admin asks to invite a colleague; a regisseur approves it (four eyes); the
 * colleague gets the link by mail (the admin never sees it), opens it in a browser of their own, chooses
 * a password (a common one is refused first), sets up the authenticator app and is signed in with the
 * invited role. The used link then no longer works. The admin's refusals are visible: no changing their
 * own role, no deactivating their own organisation. And blocking works before the page's scripts run.
 */

const INVITEE = { name: 'Noor de Boer', email: 'noor.deboer@om.example.nl', password: 'paarse olifant danst op het dak' };

// The invitation journey runs on a server of its own (port + 91) that sends its mail to a real SMTP
// server in this process: with four eyes the link exists only in the mail to the invitee.
const ownPort = Number(process.env.E2E_PORT ?? 3100) + 91;
const OWN = `http://127.0.0.1:${ownPort}`;
const ownDataDir = `.data/e2e-${ownPort}`;

test.describe('an invitation with four eyes', () => {
  test.use({ baseURL: OWN, extraHTTPHeaders: { origin: OWN } });
  let server: OwnServer | undefined;
  let mail: Awaited<ReturnType<typeof startMailCatcher>> | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await rm(ownDataDir, { recursive: true, force: true });
    mail = await startMailCatcher();
    server = await startOwnServer({
      port: ownPort,
      dataDir: ownDataDir,
      env: { AUTH_SECRET: 'four-eyes-suite-secret-0123456789abcdefghijklmn', SMTP_URL: `smtp://127.0.0.1:${mail.port}`, MAIL_FROM: 'casusregie@example.org' },
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await mail?.close();
  });

  test('an admin asks to invite a colleague, a regisseur approves, the colleague gets the link by mail, sets a password, sets up the app and signs in; the link works once', async ({ page, browser }) => {
    test.setTimeout(240_000);
    await signInAndWait(page, ROLES.admin.email);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Gebruiker uitnodigen' })).toBeVisible();

    // An address that already has an account is a field error.
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Dubbel');
    await page.getByLabel('E-mailadres').fill('politie@example.org');
    await page.getByLabel('Rol').selectOption({ label: 'Professional' });
    await page.getByLabel('Organisatie').selectOption({ label: 'Openbaar Ministerie Midden-Nederland' });
    await page.getByRole('button', { name: 'Uitnodiging aanvragen' }).click();
    await expect(page.getByText('Er bestaat al een account met dit e-mailadres.', { exact: true })).toBeVisible();
    await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');

    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(INVITEE.name);
    await page.getByLabel('E-mailadres').fill(INVITEE.email);
    await page.getByLabel('Rol').selectOption({ label: 'Professional' });
    await page.getByLabel('Organisatie').selectOption({ label: 'Openbaar Ministerie Midden-Nederland' });
    await page.getByRole('button', { name: 'Uitnodiging aanvragen' }).click();
    await expect(page.getByTestId('invitation-requested')).toContainText(`Uitnodiging voor ${INVITEE.email} aangevraagd.`);
    // The admin who asked never sees a link, and cannot approve their own request.
    expect(await page.content()).not.toContain('/invite/');
    const grant = page.getByTestId(`grant-${INVITEE.email}`);
    await expect(grant).toContainText('Uitnodiging als Professional bij Openbaar Ministerie Midden-Nederland');
    await expect(grant).toContainText('Wacht op goedkeuring door iemand anders.');
    await expect(grant.getByRole('button', { name: /goedkeuren/ })).toHaveCount(0);
    await expect(page.getByTestId(`invitation-${INVITEE.email}`)).toHaveCount(0);
    await screenshot(page, 'admin-invite');
    await expectAccessible(page);

    // A regisseur approves it, in a browser of their own (the notice in the app leads there).
    const regisseurContext = await browser.newContext({ baseURL: OWN, extraHTTPHeaders: { origin: OWN } });
    const regisseur = await regisseurContext.newPage();
    await signInAndWait(regisseur, ROLES.regisseur.email);
    await regisseur.goto('/approvals');
    await expect(regisseur.getByRole('heading', { name: 'Wachten op goedkeuring' })).toBeVisible();
    const toApprove = regisseur.getByTestId(`grant-${INVITEE.email}`);
    await expect(toApprove).toContainText(ROLES.admin.name);
    await screenshot(regisseur, 'approvals');
    await expectAccessible(regisseur);
    await toApprove.getByRole('button', { name: `Aanvraag voor ${INVITEE.name} goedkeuren` }).click();
    // The list is drawn again with the decision in place of the buttons.
    await expect(toApprove).toContainText(`Goedgekeurd door ${ROLES.regisseur.name}`);
    await expect(toApprove.getByRole('button')).toHaveCount(0);
    await regisseurContext.close();

    // The admin sees the open invitation, and the mail in the mailbox, but not its link.
    await page.goto('/admin');
    await expect(page.getByTestId(`invitation-${INVITEE.email}`)).toBeVisible();
    await expect(page.getByTestId(`grant-${INVITEE.email}`)).toContainText(`Goedgekeurd door ${ROLES.regisseur.name}`);
    await page.goto('/admin/mailbox');
    const inMailbox = page.getByTestId('mail').filter({ hasText: INVITEE.email }).filter({ has: page.getByTestId('mail-subject').getByText('Uitnodiging voor Casusregie') });
    await expect(inMailbox).toContainText('/invite/[alleen in de e-mail aan de genodigde]');

    // The invitee, in a browser of their own, with the link from their mail.
    const invitation = await mail!.waitFor(INVITEE.email, 'Uitnodiging voor Casusregie');
    const link = invitation.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/)?.[0] ?? '';
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(mail!.received.filter((m) => m.text.includes(link)).map((m) => m.to)).toEqual([INVITEE.email]);
    const inviteeContext = await browser.newContext({ baseURL: OWN, extraHTTPHeaders: { origin: OWN } });
    const invitee = await inviteeContext.newPage();
    await invitee.goto(new URL(link).pathname);
    await expect(invitee.getByRole('heading', { name: 'Kies je wachtwoord' })).toBeVisible();
    await expect(invitee.getByTestId('invitation-email')).toHaveText(INVITEE.email);
    await invitee.getByLabel('Nieuw wachtwoord').fill('password1234');
    await invitee.getByLabel('Herhaal het wachtwoord').fill('password1234');
    await invitee.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await expect(invitee.getByText(/^Dit wachtwoord komt voor op de lijst van veelgebruikte of gelekte wachtwoorden\./)).toBeVisible();
    await expect(invitee.getByLabel('Nieuw wachtwoord')).toHaveAttribute('aria-invalid', 'true');
    await screenshot(invitee, 'admin-invite-accept');
    await expectAccessible(invitee);

    await invitee.getByLabel('Nieuw wachtwoord').fill(INVITEE.password);
    await invitee.getByLabel('Herhaal het wachtwoord').fill(INVITEE.password);
    await invitee.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await expect(invitee).toHaveURL(/\/login\?invited=1/);
    await expect(invitee.getByRole('status').filter({ hasText: 'Je account is aangemaakt.' })).toBeVisible();

    // First sign-in: password, then setting up the app with the secret shown.
    await invitee.getByLabel('E-mailadres').fill(INVITEE.email);
    await invitee.getByLabel('Wachtwoord').fill(INVITEE.password);
    await invitee.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(invitee).toHaveURL(/\/login\/enrol/);
    const secret = (await invitee.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    await invitee.getByLabel('Verificatiecode').fill(totpCode(secret, timeStep(Date.now())));
    await invitee.getByRole('button', { name: 'Bevestigen' }).click();
    await expect(invitee.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
    await invitee.getByRole('link', { name: 'Ik heb de codes bewaard, ga verder' }).click();
    await expect(invitee.getByTestId('current-user')).toContainText(INVITEE.name);
    const nav = invitee.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await expect(nav.getByRole('link', { name: 'Mijn afspraken' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Beheer' })).toHaveCount(0);

    // The link worked once.
    await invitee.goto(new URL(link).pathname);
    await expect(invitee.getByTestId('invitation-invalid')).toHaveText(
      'Deze uitnodigingslink werkt niet (meer): hij is verlopen, al gebruikt of ingetrokken. Vraag de functioneel beheerder om een nieuwe uitnodiging.',
    );
    await screenshot(invitee, 'admin-invite-used');
    await inviteeContext.close();

    // The admin sees the new account, no longer an open invitation.
    await page.goto('/admin');
    await expect(page.getByTestId(`user-${INVITEE.email}`)).toContainText('Openbaar Ministerie Midden-Nederland');
    await expect(page.getByTestId(`invitation-${INVITEE.email}`)).toHaveCount(0);
    await screenshot(page, 'admin-users-invited');
  });
});

test('the last admin cannot change their own role or deactivate their own organisation; the refusal is shown in Dutch', async ({ page }) => {
  await signInAndWait(page, ROLES.admin.email);
  await page.goto('/admin');
  await page.getByTestId(`user-${ROLES.admin.email}`).getByRole('link', { name: ROLES.admin.name }).click();
  await expect(page.getByRole('heading', { name: new RegExp(ROLES.admin.name) })).toBeVisible();
  await expect(page.getByTestId('own-access')).toContainText('Je eigen rol en organisatie kun je niet wijzigen');
  await expect(page.getByRole('button', { name: /blokkeren/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Opnieuw laten instellen' })).toHaveCount(0);
  await screenshot(page, 'admin-user-self');

  await page.goto('/admin/organisations');
  await screenshot(page, 'admin-organisations');
  await expectAccessible(page);
  await page.getByTestId('organisation-ZVH Utrecht').getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Zorg- en Veiligheidshuis Regio Utrecht' })).toBeVisible();
  await page.getByLabel('Nee, gedeactiveerd').check();
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'eigen organisatie' })).toHaveText(
    'Je kunt je eigen organisatie niet deactiveren: dan blijft er geen actieve functioneel beheerder over die zich kan aanmelden, en kan niemand het terugdraaien.',
  );
  await screenshot(page, 'admin-last-admin');
  await expectAccessible(page);
  // Nothing changed: the list still shows it active, and the admin is still signed in.
  await page.goto('/admin/organisations');
  await expect(page.getByTestId('organisation-ZVH Utrecht')).toContainText('Actief');
  await expect(page.getByTestId('current-user')).toBeVisible();
});

test('organisations are added and edited with Dutch field errors; a user page offers role, organisation and security actions', async ({ page }) => {
  await signInAndWait(page, ROLES.admin.email);
  await page.goto('/admin/organisations');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Organisatie toevoegen' }) });
  await form.getByRole('textbox', { name: 'Naam', exact: true }).fill('Politie Midden-Nederland');
  await form.getByLabel('Korte naam').fill('Politie 2');
  await form.getByLabel('Domein').selectOption({ label: 'Veiligheid' });
  await form.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  await expect(form.getByText('Er bestaat al een organisatie met deze naam.', { exact: true })).toBeVisible();
  await form.getByRole('textbox', { name: 'Naam', exact: true }).fill('Halt Midden-Nederland');
  await form.getByLabel('Korte naam').fill('Halt');
  await form.getByLabel('Domein').selectOption({ label: 'Veiligheid' });
  await form.getByRole('button', { name: 'Organisatie toevoegen' }).click();
  await expect(page.getByTestId('organisation-Halt')).toBeVisible();

  await page.getByTestId('organisation-Altrecht').getByRole('link').click();
  await expect(page.getByRole('link', { name: 'Contactpersonen beheren onder Instellingen' })).toBeVisible();
  await screenshot(page, 'admin-organisation');

  await page.goto('/admin');
  await page.getByTestId('user-ggz@example.org').getByRole('link', { name: 'Eva Visser' }).click();
  await expect(page.getByRole('heading', { name: 'Rol en organisatie' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Rol' }).selectOption({ label: 'Procesregisseur' });
  await page.getByRole('button', { name: 'Rol en organisatie opslaan' }).click();
  await expect(page.getByText(/^Een procesregisseur werkt voor het Veiligheidshuis/)).toBeVisible();
  await page.getByRole('button', { name: 'Overal afmelden' }).click();
  await page.getByRole('button', { name: 'Ja, overal afmelden' }).click();
  await expect(page.getByText('Alle sessies zijn beëindigd.')).toBeVisible();
  await screenshot(page, 'admin-user');
  await expectAccessible(page);
});

test('blocking works before the page has loaded its scripts (a plain form post)', async ({ page, browser }) => {
  await signInAndWait(page, ROLES.admin.email);
  const cookies = await page.context().cookies();
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  await noScript.addCookies(cookies);
  const plain = await noScript.newPage();
  await plain.goto('/admin');
  const row = plain.getByTestId('user-veiligthuis@example.org');
  await row.getByRole('button', { name: 'Lotte Smit blokkeren' }).click();
  await expect(plain.getByTestId('user-veiligthuis@example.org')).toContainText('Geblokkeerd');
  await expect(plain.getByText('Ongeldige invoer')).toHaveCount(0);
  await plain.getByTestId('user-veiligthuis@example.org').getByRole('button', { name: 'Lotte Smit deblokkeren' }).click();
  await expect(plain.getByTestId('user-veiligthuis@example.org')).toContainText('Actief');
  await noScript.close();
});
