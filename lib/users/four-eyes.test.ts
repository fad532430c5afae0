/**
 * The penetration test's finding: an admin invited a regisseur at an address they controlled, accepted,
 * enrolled and read every case, alone. Now a role is granted only when a second person approves: the
 * admin gets no link and no account alone, cannot approve their own request, the other admins hear of
 * it, and the link goes to the invitee's mail only. The database holds the line too.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { accessGrants, mailOutbox, notifications, organisations, userInvitations, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { auditAbout, decideAs, invitationLinkMailedTo, mailTo, outcomeOf, userByEmail } from '@/lib/admin/testing';
import { resolveSession, type Actor } from '@/lib/auth/sessions';
import { databaseError } from '@/lib/testing/db-error';
import { signInAs } from '@/lib/testing/actors';
import { acceptInvitation } from './accept-invitation';
import { listGrants } from './access-grants';
import { render } from '@/lib/errors';
import { OTHER_ROLE, OWN_ACCOUNT, OWN_REQUEST } from './decide-grant';
import { hideInvitationLinks } from './invitation-token';
import { inviteUser } from './invitations';
import { changeUserAccess } from './manage-users';

const BASE = 'https://casusregie.example.nl';
const PASSWORD = 'paarse olifant danst op het dak';
const OWN_ADDRESS = 'sanne.prive@example.net';

let handle: DbHandle;
let admin: Actor;
let house: string;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  // A second admin in the house: the demo's second regisseur, made one as the owner.
  await handle.db.update(users).set({ role: 'admin' }).where(eq(users.email, 'regisseur2@example.org'));
  admin = await signInAs('admin@example.org');
  house = admin.organisationId;
});
afterAll(() => closeDb());

const orgId = async (shortName: string) => (await handle.db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
const invitationsTo = async (email: string) =>
  (await handle.db.select({ n: count() }).from(userInvitations).where(eq(sql`lower(${userInvitations.email})`, email)))[0]!.n;

describe('an admin alone', () => {
  it('gets no invitation link and no invitation for a regisseur: it waits for another admin', async () => {
    const asked = await inviteUser(admin, { email: OWN_ADDRESS, name: 'Sanne Privé', role: 'regisseur', organisationId: house }, { baseUrl: BASE });
    expect(JSON.stringify(asked)).not.toMatch(/\/invite\//);
    expect(await invitationsTo(OWN_ADDRESS)).toBe(0);
    expect(await mailTo(handle, OWN_ADDRESS)).toEqual([]);

    const mine = (await listGrants(admin)).find((g) => g.email === OWN_ADDRESS)!;
    expect(mine).toMatchObject({ kind: 'invitation', role: 'regisseur', decision: null, mayDecide: false, mayWithdraw: true, requestedByName: 'Sanne Vermeulen' });

    // The inviter cannot approve it; a regisseur does not even see a regisseur's grant.
    expect(await outcomeOf(decideAs('admin@example.org', mine.id))).toEqual({ code: 'FORBIDDEN', message: render(OWN_REQUEST), fieldErrors: undefined });
    expect((await outcomeOf(decideAs('regisseur@example.org', mine.id))).code).toBe('NOT_FOUND');
    expect(await invitationsTo(OWN_ADDRESS)).toBe(0);
    const refusals = (await auditAbout(handle, 'access-grant', mine.id)).filter((e) => e.action === 'denied');
    expect(refusals.map((e) => (e.details as { reason: string }).reason)).toContain('own-request');
  });

  it('tells the other admins by mail, and those who may decide in the app', async () => {
    const [notice] = await mailTo(handle, 'regisseur2@example.org');
    expect(notice!.subject).toBe('Goedkeuring gevraagd: Sanne Privé als procesregisseur');
    expect(notice!.body).toContain(`Sanne Vermeulen vraagt een uitnodiging voor Sanne Privé (${OWN_ADDRESS}) als procesregisseur`);
    expect(notice!.body).toContain(`${BASE}/admin`);
    const admin2 = await userByEmail(handle, 'regisseur2@example.org');
    const inApp = await handle.db.select({ title: notifications.title }).from(notifications).where(eq(notifications.userId, admin2.id));
    expect(inApp.map((n) => n.title)).toContain('Goedkeuring gevraagd: Sanne Privé als procesregisseur');
    // Not to the admin who asked.
    expect(await mailTo(handle, 'admin@example.org')).toEqual([]);
  });

  it('cannot change anyone role alone: the change waits, and applies when another admin approves', async () => {
    const before = await userByEmail(handle, 'manager@example.org');
    const managerSession = await signInAs('manager@example.org');
    const { grantId } = await changeUserAccess(admin, { userId: before.id, role: 'regisseur', organisationId: before.organisationId, version: before.version }, { baseUrl: BASE });
    expect(grantId).not.toBeNull();
    expect(await userByEmail(handle, 'manager@example.org')).toMatchObject({ role: 'manager', version: before.version, sessionVersion: before.sessionVersion });
    expect(await resolveSession(handle.db, { userId: before.id, sessionId: managerSession.sessionId, sessionVersion: before.sessionVersion })).not.toBeNull();

    await decideAs('regisseur2@example.org', grantId!);
    expect(await userByEmail(handle, 'manager@example.org')).toMatchObject({ role: 'regisseur', version: before.version + 1, sessionVersion: before.sessionVersion + 1 });
    expect(await resolveSession(handle.db, { userId: before.id, sessionId: managerSession.sessionId, sessionVersion: before.sessionVersion })).toBeNull();
    const [entry] = await auditAbout(handle, 'user', before.id);
    expect(entry).toMatchObject({ action: 'update', details: { changed: ['role'], role: 'regisseur', grantId } });
    // Back as it was (as the owner), for the tests below.
    await handle.db.update(users).set({ role: 'manager' }).where(eq(users.id, before.id));
  });

  it('cannot have a grant about their own account decided by themselves', async () => {
    const admin2 = await userByEmail(handle, 'regisseur2@example.org');
    const { grantId } = await changeUserAccess(admin, { userId: admin2.id, role: 'regisseur', organisationId: house, version: admin2.version }, { baseUrl: BASE });
    expect(await outcomeOf(decideAs('regisseur2@example.org', grantId!))).toMatchObject({ code: 'FORBIDDEN', message: render(OWN_ACCOUNT) });
    expect((await userByEmail(handle, 'regisseur2@example.org')).role).toBe('admin');
    await decideAs('admin@example.org', grantId!, 'reject');
    const [grant] = await handle.db.select().from(accessGrants).where(eq(accessGrants.id, grantId!));
    expect(grant).toMatchObject({ decision: 'withdrawn', decidedBy: admin.userId });
  });
});

describe('the second person', () => {
  it('approves: the link is mailed to the invitee only, never shown in the dev mailbox, and works once', async () => {
    const [grant] = await handle.db.select().from(accessGrants).where(eq(accessGrants.email, OWN_ADDRESS));
    const outcome = await decideAs('regisseur2@example.org', grant!.id);
    expect(outcome).toMatchObject({ decision: 'approved', kind: 'invitation' });
    const link = await invitationLinkMailedTo(handle, OWN_ADDRESS);
    const token = link.split('/invite/')[1]!;
    // Nowhere else: no other mail carries the token, and the mailbox view blanks it.
    const everywhere = await handle.db.select({ to: mailOutbox.toEmail, body: mailOutbox.bodyText }).from(mailOutbox);
    expect(everywhere.filter((m) => m.body.includes(token)).map((m) => m.to)).toEqual([OWN_ADDRESS]);
    expect(hideInvitationLinks(everywhere.find((m) => m.body.includes(token))!.body)).not.toContain(token);
    const [invitation] = await handle.db.select().from(userInvitations).where(eq(userInvitations.email, OWN_ADDRESS));
    expect(invitation).toMatchObject({ invitedBy: admin.userId, role: 'regisseur' });
    expect((await acceptInvitation({ token, password: PASSWORD, repeatPassword: PASSWORD }, {})).ok).toBe(true);
    expect(await userByEmail(handle, OWN_ADDRESS)).toMatchObject({ role: 'regisseur' });
  });

  it('for a professional may be a regisseur; a manager may not decide it, a rejection sends nothing', async () => {
    const om = await orgId('OM');
    const first = await inviteUser(admin, { email: 'nieuw.om@example.nl', name: 'Noor de Boer', role: 'professional', organisationId: om }, { baseUrl: BASE });
    expect((await outcomeOf(decideAs('manager@example.org', first.grantId))).code).toBe('NOT_FOUND');
    await decideAs('regisseur@example.org', first.grantId);
    expect(await invitationLinkMailedTo(handle, 'nieuw.om@example.nl')).toMatch(/\/invite\//);

    const second = await inviteUser(admin, { email: 'afgewezen@example.nl', name: 'Afgewezen', role: 'professional', organisationId: om }, { baseUrl: BASE });
    expect(await decideAs('regisseur@example.org', second.grantId, 'reject')).toMatchObject({ decision: 'rejected' });
    expect(await mailTo(handle, 'afgewezen@example.nl')).toEqual([]);
    expect(await invitationsTo('afgewezen@example.nl')).toBe(0);
  });

  it('for a new admin may be a manager (so a house with one admin can get a second), but not a regisseur', async () => {
    const ggz = await userByEmail(handle, 'ggz@example.org');
    const { grantId } = await changeUserAccess(admin, { userId: ggz.id, role: 'admin', organisationId: ggz.organisationId, version: ggz.version }, { baseUrl: BASE });
    expect((await outcomeOf(decideAs('regisseur@example.org', grantId!))).code).toBe('NOT_FOUND');
    expect(await decideAs('manager@example.org', grantId!)).toMatchObject({ decision: 'approved' });
    expect((await userByEmail(handle, 'ggz@example.org')).role).toBe('admin');
    expect(render(OTHER_ROLE)).toMatch(/andere rol/);
  });
});

describe('the database', () => {
  it('refuses the app role a change of role or organisation and a new account, even for an admin', async () => {
    const target = await userByEmail(handle, 'veiligthuis@example.org');
    const asAdmin = <T>(work: (tx: Parameters<Parameters<DbHandle['db']['transaction']>[0]>[0]) => Promise<T>) =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'casusregie_app', true), set_config('app.user_id', ${admin.userId}, true)`);
        return work(tx);
      });
    expect(await databaseError(asAdmin((tx) => tx.execute(sql`update users set role = 'regisseur', organisation_id = ${house} where id = ${target.id}`)))).toMatch(/row-level security/);
    expect(await databaseError(asAdmin((tx) => tx.execute(sql`insert into users (organisation_id, email, name, role, password_hash) values (${house}, ${OWN_ADDRESS + '.nl'}, 'X', 'regisseur', 'x')`)))).toMatch(/row-level security/);
    expect(await databaseError(asAdmin((tx) => tx.execute(sql`insert into access_grants (kind, role, organisation_id, requested_by, requested_at, email, name) values ('invitation', 'regisseur', ${house}, ${admin.userId}, now(), 'x@example.nl', 'X')`)))).toMatch(/permission denied/);
    // Blocking still works as the app role: only role and organisation are closed.
    const blocked = await asAdmin((tx) => queryRows<{ id: string }>(tx, sql`update users set active = false where id = ${target.id} returning id`));
    expect(blocked).toHaveLength(1);
    await handle.db.update(users).set({ active: true }).where(and(eq(users.id, target.id)));
  });
});
