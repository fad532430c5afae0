import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessGrants, mailOutbox, organisations, userInvitations, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { auditAbout, decideAs, invitationLinkMailedTo, outcomeOf, userByEmail } from '@/lib/admin/testing';
import { completeSignIn, signInWithCredentials } from '@/lib/auth/credentials';
import { PASSWORD_MESSAGES } from '@/lib/auth/password-policy';
import { startEnrolment } from '@/lib/auth/second-factor';
import { resolveSession } from '@/lib/auth/sessions';
import { timeStep, totpCode } from '@/lib/auth/totp';
import { signInAs } from '@/lib/testing/actors';
import { acceptInvitation, checkInvitation, INVALID_INVITATION } from './accept-invitation';
import { hashInvitationToken } from './invitation-token';
import { inviteUser, listInvitations, revokeInvitation } from './invitations';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

const BASE = 'https://casusregie.example.nl';
const PASSWORD = 'paarse olifant danst op het dak';
const meta = { ip: '192.0.2.7', userAgent: 'vitest' };

const orgId = async (shortName: string) => (await handle.db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
const tokenOf = (link: string) => link.split('/invite/')[1]!;
const userCount = async () => (await handle.db.select({ n: count() }).from(users))[0]!.n;
const invitationRow = async (id: string) => (await handle.db.select().from(userInvitations).where(eq(userInvitations.id, id)))[0]!;

/**
 * Four eyes: the admin's invitation waits until a regisseur approves it (a professional's); then the
 * invitation exists and its link is in the mail to the invitee, the only place it is.
 */
async function approved(grantId: string, email: string) {
  const { invitationId } = await decideAs('regisseur@example.org', grantId, 'approve', BASE);
  const link = await invitationLinkMailedTo(handle, email);
  return { id: invitationId!, link, expiresAt: (await invitationRow(invitationId!)).expiresAt };
}

async function invite(email: string, extra: Partial<{ role: 'professional' | 'regisseur' | 'admin' | 'manager'; organisationId: string; name: string }> = {}) {
  const admin = await signInAs('admin@example.org');
  const asked = await inviteUser(admin, { email, name: extra.name ?? 'Nieuwe Collega', role: extra.role ?? 'professional', organisationId: extra.organisationId ?? (await orgId('OM')) }, { baseUrl: BASE });
  return approved(asked.grantId, email.trim().toLowerCase());
}

describe('an invitation, from admin to signed-in user', () => {
  it('invite → approved by someone else → set a password → sign in → set up the app → signed in with the invited role and organisation', async () => {
    const admin = await signInAs('admin@example.org');
    const om = await orgId('OM');
    const asked = await inviteUser(admin, { email: ' Nieuw@OM.example.nl ', name: 'Noor de Boer', role: 'professional', organisationId: om }, { baseUrl: BASE });
    // The admin gets no link: it waits for a second person, and then goes to the invitee's mail only.
    expect(asked).toEqual({ grantId: expect.any(String), email: 'nieuw@om.example.nl' });
    const created = await approved(asked.grantId, 'nieuw@om.example.nl');
    expect(created.link).toMatch(/^https:\/\/casusregie\.example\.nl\/invite\/[A-Za-z0-9_-]{43}$/);
    const hours = (created.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);

    // Only the SHA-256 of the token is stored.
    const token = tokenOf(created.link);
    const row = await invitationRow(created.id);
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ email: 'nieuw@om.example.nl', role: 'professional', organisationId: om, invitedBy: admin.userId });

    // The mail is in the outbox; the audit entry names ids, not the address.
    const [mail] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, `invitation:${created.id}`));
    expect(mail).toMatchObject({ toEmail: 'nieuw@om.example.nl', subject: 'Uitnodiging voor Casusregie' });
    expect(mail!.bodyText).toContain(created.link);
    const [entry] = await auditAbout(handle, 'invitation', created.id);
    expect(entry).toMatchObject({ action: 'create', details: { role: 'professional', organisationId: om, invitedBy: admin.userId } });
    const [asking] = await auditAbout(handle, 'access-grant', asked.grantId);
    expect(asking).toMatchObject({ userId: expect.any(String), details: { decision: 'approved', kind: 'invitation' } });
    expect((await auditAbout(handle, 'access-grant', asked.grantId)).at(-1)).toMatchObject({ action: 'create', userId: admin.userId });
    expect(JSON.stringify(entry!.details)).not.toContain('nieuw@');

    expect((await listInvitations(admin)).map((i) => i.id)).toContain(created.id);
    expect(await checkInvitation(token, meta)).toMatchObject({ valid: true, email: 'nieuw@om.example.nl', name: 'Noor de Boer', organisationName: 'Openbaar Ministerie Midden-Nederland' });

    const accepted = await acceptInvitation({ token, password: PASSWORD, repeatPassword: PASSWORD }, meta);
    expect(accepted.ok).toBe(true);
    const user = await userByEmail(handle, 'nieuw@om.example.nl');
    expect(user).toMatchObject({ name: 'Noor de Boer', role: 'professional', organisationId: om, active: true });
    expect((await invitationRow(created.id)).acceptedAt).not.toBeNull();
    expect((await listInvitations(admin)).map((i) => i.id)).not.toContain(created.id);
    const [createdEntry] = await auditAbout(handle, 'user', user.id);
    expect(createdEntry).toMatchObject({ action: 'create', userId: user.id, ip: '192.0.2.7', details: { invitationId: created.id } });

    // First sign-in: the password opens the enrolment step; the first code of the new app completes it.
    const first = await signInWithCredentials(handle.db, { email: 'nieuw@om.example.nl', password: PASSWORD }, {});
    expect(first).toMatchObject({ ok: true, stage: 'enrolment' });
    if (!first.ok) throw new Error('unreachable');
    const { secret } = await startEnrolment(handle.db, user.id);
    const done = await completeSignIn(
      handle.db,
      { userId: user.id, sessionId: first.claims.sessionId, email: user.email },
      totpCode(secret, timeStep(new Date())),
      {},
      'enrol',
    );
    expect(done.ok).toBe(true);
    if (!done.ok) throw new Error('unreachable');
    expect(done.recoveryCodes).toHaveLength(10);
    expect(await resolveSession(handle.db, done.claims)).toMatchObject({ email: 'nieuw@om.example.nl', role: 'professional', organisationId: om });
  });
});

describe('links that do not work', () => {
  it('a used link: the same Dutch message, no second account, an audit entry', async () => {
    const created = await invite('eenmalig@example.nl');
    const token = tokenOf(created.link);
    expect((await acceptInvitation({ token, password: PASSWORD, repeatPassword: PASSWORD }, meta)).ok).toBe(true);
    const users = await userCount();
    const again = await acceptInvitation({ token, password: 'een heel ander wachtwoord', repeatPassword: 'een heel ander wachtwoord' }, meta);
    expect(again).toEqual({ ok: false, message: INVALID_INVITATION });
    expect(await userCount()).toBe(users);
    expect(await checkInvitation(token, meta)).toEqual({ valid: false, message: INVALID_INVITATION });
    const denials = (await auditAbout(handle, 'invitation', created.id)).filter((e) => e.action === 'denied');
    expect(denials.map((d) => d.details)).toEqual(
      expect.arrayContaining([
        { attempted: 'invitation.accept', reason: 'used' },
        { attempted: 'invitation.open', reason: 'used' },
      ]),
    );
    expect(denials[0]).toMatchObject({ outcome: 'denied', userId: null, ip: '192.0.2.7' });
  });

  it('an expired link (past its 24 hours): refused, nothing changed, an audit entry', async () => {
    const created = await invite('verlopen@example.nl');
    await handle.db.update(userInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userInvitations.id, created.id));
    const users = await userCount();
    const outcome = await acceptInvitation({ token: tokenOf(created.link), password: PASSWORD, repeatPassword: PASSWORD }, meta);
    expect(outcome).toEqual({ ok: false, message: INVALID_INVITATION });
    expect(await userCount()).toBe(users);
    expect((await invitationRow(created.id)).acceptedAt).toBeNull();
    const [entry] = await auditAbout(handle, 'invitation', created.id);
    expect(entry).toMatchObject({ action: 'denied', details: { reason: 'expired' } });
    // A fixed clock tells the same story: a day and a second after it was made, the link is dead.
    const later = await invite('klok@example.nl');
    const dayLater = new Date(later.expiresAt.getTime() + 1000);
    expect(await acceptInvitation({ token: tokenOf(later.link), password: PASSWORD, repeatPassword: PASSWORD }, meta, dayLater)).toEqual({ ok: false, message: INVALID_INVITATION });
    const admin = await signInAs('admin@example.org');
    expect((await listInvitations(admin, dayLater)).find((i) => i.id === later.id)?.status).toBe('expired');
  });

  it('a revoked link and an unknown or malformed one get the same answer', async () => {
    const admin = await signInAs('admin@example.org');
    const created = await invite('ingetrokken@example.nl');
    await revokeInvitation(admin, { invitationId: created.id });
    expect((await listInvitations(admin)).map((i) => i.id)).not.toContain(created.id);
    const [revokeEntry] = await auditAbout(handle, 'invitation', created.id);
    expect(revokeEntry).toMatchObject({ action: 'delete', userId: admin.userId, details: { revoked: true } });
    expect((await outcomeOf(revokeInvitation(admin, { invitationId: created.id }))).code).toBe('CONFLICT');
    for (const token of [tokenOf(created.link), 'A'.repeat(43), 'kort', '../../etc/passwd']) {
      expect(await acceptInvitation({ token, password: PASSWORD, repeatPassword: PASSWORD }, meta)).toEqual({ ok: false, message: INVALID_INVITATION });
    }
    const unknown = (await auditAbout(handle, 'invitation', null)).filter((e) => (e.details as { reason?: string }).reason === 'unknown');
    expect(unknown.length).toBeGreaterThanOrEqual(3);
    expect(await userByEmail(handle, 'ingetrokken@example.nl').catch(() => null)).toBeNull();
  });
});

describe('the password on the invitation page', () => {
  it('a too common password is refused in Dutch; nothing changes and the link still works', async () => {
    const created = await invite('sem.kramer@example.nl', { name: 'Sem Kramer' });
    const token = tokenOf(created.link);
    const users = await userCount();
    for (const [password, message] of [
      ['Welkom01!!!!', PASSWORD_MESSAGES.common],
      ['password1234', PASSWORD_MESSAGES.common],
      ['kort', PASSWORD_MESSAGES.tooShort],
      ['semkramer2024', PASSWORD_MESSAGES.personal],
    ] as const) {
      expect(await acceptInvitation({ token, password, repeatPassword: password }, meta)).toEqual({
        ok: false,
        message: 'Controleer de gemarkeerde velden.',
        fieldErrors: { password: [message] },
      });
    }
    expect(await acceptInvitation({ token, password: PASSWORD, repeatPassword: `${PASSWORD}!` }, meta)).toMatchObject({
      ok: false,
      fieldErrors: { repeatPassword: ['De twee wachtwoorden zijn niet gelijk.'] },
    });
    expect(await userCount()).toBe(users);
    expect((await invitationRow(created.id)).acceptedAt).toBeNull();
    expect((await acceptInvitation({ token, password: PASSWORD, repeatPassword: PASSWORD }, meta)).ok).toBe(true);
  });
});

describe('inviting', () => {
  it('an address that already has an account, or an open invitation, is a field error', async () => {
    const admin = await signInAs('admin@example.org');
    const om = await orgId('OM');
    const existing = await outcomeOf(inviteUser(admin, { email: 'POLITIE@example.org', name: 'X', role: 'professional', organisationId: om }, { baseUrl: BASE }));
    expect(existing).toMatchObject({ code: 'VALIDATION', fieldErrors: { email: ['Er bestaat al een account met dit e-mailadres.'] } });
    await invite('dubbel@example.nl');
    const twice = await outcomeOf(invite('dubbel@example.nl'));
    expect(twice.fieldErrors?.email?.[0]).toMatch(/^Voor dit e-mailadres staat al een uitnodiging open/);
    // Asked for and not decided yet: asking again is a field error as well.
    await inviteUser(admin, { email: 'wacht@example.nl', name: 'X', role: 'professional', organisationId: om }, { baseUrl: BASE });
    const waiting = await outcomeOf(inviteUser(admin, { email: 'Wacht@example.nl', name: 'X', role: 'professional', organisationId: om }, { baseUrl: BASE }));
    expect(waiting.fieldErrors?.email?.[0]).toMatch(/^Voor dit e-mailadres wacht al een uitnodiging op goedkeuring/);
  });

  it('a role that does not fit the organisation, an inactive organisation, bad input: field errors, nothing stored', async () => {
    const before = (await handle.db.select({ n: count() }).from(userInvitations))[0]!.n;
    const grantsBefore = (await handle.db.select({ n: count() }).from(accessGrants))[0]!.n;
    expect((await outcomeOf(invite('regie@example.nl', { role: 'regisseur', organisationId: await orgId('Politie') }))).fieldErrors?.organisationId?.[0]).toMatch(/Veiligheidshuis/);
    expect((await outcomeOf(invite('prof@example.nl', { role: 'professional', organisationId: await orgId('ZVH Utrecht') }))).fieldErrors?.organisationId?.[0]).toMatch(/partnerorganisatie/);
    const mitros = await orgId('Mitros');
    await handle.db.update(organisations).set({ active: false }).where(eq(organisations.id, mitros));
    expect((await outcomeOf(invite('mitros@example.nl', { organisationId: mitros }))).fieldErrors).toEqual({ organisationId: ['Kies een actieve organisatie uit de lijst.'] });
    await handle.db.update(organisations).set({ active: true }).where(eq(organisations.id, mitros));
    const admin = await signInAs('admin@example.org');
    const bad = await outcomeOf(inviteUser(admin, { email: 'geen-adres', name: '', role: 'koning', organisationId: 'x' }, { baseUrl: BASE }));
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'organisationId', 'role']);
    expect((await handle.db.select({ n: count() }).from(userInvitations))[0]!.n).toBe(before);
    expect((await handle.db.select({ n: count() }).from(accessGrants))[0]!.n).toBe(grantsBefore);
  });

  it('is for admins only: anyone else gets 404 and an audit entry', async () => {
    const regisseur = await signInAs('regisseur@example.org');
    const om = await orgId('OM');
    expect((await outcomeOf(inviteUser(regisseur, { email: 'x@example.nl', name: 'X', role: 'regisseur', organisationId: om }, { baseUrl: BASE }))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(listInvitations(regisseur))).code).toBe('NOT_FOUND');
    const [entry] = (await auditAbout(handle, 'invitation', null)).filter((e) => e.userId === regisseur.userId);
    expect(entry).toMatchObject({ action: 'denied', outcome: 'denied' });
    expect((await handle.db.select().from(userInvitations).where(eq(sql`lower(${userInvitations.email})`, 'x@example.nl')))).toHaveLength(0);
  });
});
