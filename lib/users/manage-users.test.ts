import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations, users, userTotp } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { render } from '@/lib/errors';
import { LAST_ADMIN_MESSAGE } from '@/lib/users/admin-guard';
import { updateOrganisation } from '@/lib/admin/organisations';
import { auditAbout, decideAs, outcomeOf, userByEmail } from '@/lib/admin/testing';
import { signInWithCredentials } from '@/lib/auth/credentials';
import { resolveSession, type Actor } from '@/lib/auth/sessions';
import { accountLockedUntil } from '@/lib/auth/throttle';
import { DEMO_PASSWORD } from '@/lib/seed/demo-data';
import { signInAs } from '@/lib/testing/actors';
import { changeUserAccess, getUser, listUsers, setUserActive } from './manage-users';
import { resetUserSecondFactor, signOutEverywhere, unlockUser } from './user-security';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

const claimsOf = async (actor: Actor) => ({
  userId: actor.userId,
  sessionId: actor.sessionId,
  sessionVersion: (await userByEmail(handle, actor.email)).sessionVersion,
});
/** The claims as they were when the actor signed in (a token already handed out). */
const tokenOf = (actor: Actor, sessionVersion: number) => ({ userId: actor.userId, sessionId: actor.sessionId, sessionVersion });

/**
 * Four eyes: a role change applies once someone else approves it. For a regisseur or manager that is
 * another admin: the demo's manager, made one for the moment (as the owner).
 */
async function approveAsSecondAdmin(grantId: string | null) {
  const manager = await userByEmail(handle, 'manager@example.org');
  await handle.db.update(users).set({ role: 'admin' }).where(eq(users.id, manager.id));
  try {
    return await decideAs('manager@example.org', grantId!);
  } finally {
    await handle.db.update(users).set({ role: 'manager' }).where(eq(users.id, manager.id));
  }
}

async function activeAdmins(): Promise<number> {
  const [row] = await handle.db
    .select({ n: count() })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.role, 'admin'), eq(users.active, true), eq(organisations.active, true)));
  return row!.n;
}

describe('user administration: who may', () => {
  it('answers 404 to anyone but an admin, logs the attempt, and changes nothing', async () => {
    const regisseur = await signInAs('regisseur@example.org');
    const target = await userByEmail(handle, 'politie@example.org');
    expect((await outcomeOf(listUsers(regisseur))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(getUser(regisseur, target.id))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(setUserActive(regisseur, { userId: target.id, active: false, version: target.version }))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(changeUserAccess(regisseur, { userId: regisseur.userId, role: 'admin', organisationId: regisseur.organisationId, version: 1 }))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(resetUserSecondFactor(regisseur, { userId: target.id }))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(signOutEverywhere(regisseur, { userId: target.id }))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(unlockUser(regisseur, { userId: target.id }))).code).toBe('NOT_FOUND');
    expect(await userByEmail(handle, 'politie@example.org')).toMatchObject({ active: true, version: target.version });
    expect((await userByEmail(handle, 'regisseur@example.org')).role).toBe('regisseur');
    const denied = await handle.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.userId, regisseur.userId), eq(auditLog.action, 'denied'), eq(auditLog.entity, 'user')));
    expect(denied.map((d) => (d.details as { attempted: string }).attempted)).toEqual(
      expect.arrayContaining(['user.list', 'user.view', 'user.active', 'user.access', 'user.second-factor', 'user.sign-out', 'user.unlock']),
    );
  });
});

describe('blocking', () => {
  it('ends the session the user already has, and is in the audit log', async () => {
    const admin = await signInAs('admin@example.org');
    const politie = await signInAs('politie@example.org');
    const target = await userByEmail(handle, 'politie@example.org');
    await setUserActive(admin, { userId: target.id, active: false, version: target.version });
    expect(await resolveSession(handle.db, tokenOf(politie, target.sessionVersion))).toBeNull();
    expect((await userByEmail(handle, 'politie@example.org')).active).toBe(false);
    const [entry] = await auditAbout(handle, 'user', target.id);
    expect(entry).toMatchObject({ action: 'update', outcome: 'allowed', userId: admin.userId, details: { active: false } });
    const after = await userByEmail(handle, 'politie@example.org');
    await setUserActive(admin, { userId: target.id, active: true, version: after.version });
  });

  it('refuses a change based on a stale version (409) and changes nothing', async () => {
    const admin = await signInAs('admin@example.org');
    const target = await userByEmail(handle, 'ggz@example.org');
    await setUserActive(admin, { userId: target.id, active: false, version: target.version });
    expect((await outcomeOf(setUserActive(admin, { userId: target.id, active: true, version: target.version }))).code).toBe('CONFLICT');
    expect((await userByEmail(handle, 'ggz@example.org')).active).toBe(false);
  });

  it('answers 404 for a user that does not exist', async () => {
    const admin = await signInAs('admin@example.org');
    const missing = { userId: '00000000-0000-4000-8000-000000000000', active: false, version: 1 };
    expect((await outcomeOf(setUserActive(admin, missing))).code).toBe('NOT_FOUND');
  });

  it('does not let the last admin block their own account: a Dutch refusal, nothing changed, an audit entry', async () => {
    const admin = await signInAs('admin@example.org');
    const self = await userByEmail(handle, 'admin@example.org');
    const outcome = await outcomeOf(setUserActive(admin, { userId: self.id, active: false, version: self.version }));
    expect(outcome).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Je kunt je eigen account niet blokkeren: je bent de laatste actieve functioneel beheerder, en dan kan niemand meer beheren.',
    });
    expect(await userByEmail(handle, 'admin@example.org')).toMatchObject({ active: true, version: self.version });
    const [entry] = await auditAbout(handle, 'user', self.id);
    expect(entry).toMatchObject({ action: 'denied', outcome: 'denied', details: { attempted: 'user.active', reason: 'last-admin' } });
  });

  it('with a second admin, blocking oneself is still refused (ask the other admin)', async () => {
    const manager = await userByEmail(handle, 'manager@example.org');
    await handle.db.update(users).set({ role: 'admin' }).where(eq(users.id, manager.id));
    const admin = await signInAs('admin@example.org');
    const self = await userByEmail(handle, 'admin@example.org');
    const outcome = await outcomeOf(setUserActive(admin, { userId: self.id, active: false, version: self.version }));
    expect(outcome.message).toBe('Je kunt je eigen account niet blokkeren. Vraag dit zo nodig aan een andere functioneel beheerder.');
    expect((await userByEmail(handle, 'admin@example.org')).active).toBe(true);
    await handle.db.update(users).set({ role: 'manager' }).where(eq(users.id, manager.id));
  });
});

describe('role and organisation', () => {
  it('a new role ends every session of the user and is audited', async () => {
    const admin = await signInAs('admin@example.org');
    const regisseur2 = await signInAs('regisseur2@example.org');
    const before = await userByEmail(handle, 'regisseur2@example.org');
    const asked = await changeUserAccess(admin, { userId: before.id, role: 'manager', organisationId: before.organisationId, version: before.version });
    // Nothing changes until someone else approves.
    expect((await userByEmail(handle, 'regisseur2@example.org')).role).toBe('regisseur');
    await approveAsSecondAdmin(asked.grantId);
    expect(await resolveSession(handle.db, tokenOf(regisseur2, before.sessionVersion))).toBeNull();
    const after = await userByEmail(handle, 'regisseur2@example.org');
    expect(after).toMatchObject({ role: 'manager', version: before.version + 1, sessionVersion: before.sessionVersion + 1 });
    const [entry] = await auditAbout(handle, 'user', before.id);
    expect(entry).toMatchObject({ action: 'update', details: { changed: ['role'], role: 'manager' } });
    // A new sign-in carries the new role.
    expect((await signInAs('regisseur2@example.org')).role).toBe('manager');
    await approveAsSecondAdmin((await changeUserAccess(admin, { userId: before.id, role: 'regisseur', organisationId: before.organisationId, version: after.version })).grantId);
  });

  it('refuses a role that does not belong in the organisation, with the reason on the field', async () => {
    const admin = await signInAs('admin@example.org');
    const politie = await userByEmail(handle, 'politie@example.org');
    const outcome = await outcomeOf(changeUserAccess(admin, { userId: politie.id, role: 'regisseur', organisationId: politie.organisationId, version: politie.version }));
    expect(outcome.code).toBe('VALIDATION');
    expect(outcome.fieldErrors?.organisationId?.[0]).toMatch(/^Een procesregisseur werkt voor het Veiligheidshuis/);
    expect((await userByEmail(handle, 'politie@example.org')).role).toBe('professional');
  });

  it('refuses a stale version with 409', async () => {
    const admin = await signInAs('admin@example.org');
    const target = await userByEmail(handle, 'veiligthuis@example.org');
    const zorgOrg = target.organisationId;
    // A new admin: approved by the manager.
    await decideAs('manager@example.org', (await changeUserAccess(admin, { userId: target.id, role: 'admin', organisationId: zorgOrg, version: target.version })).grantId!);
    const outcome = await outcomeOf(changeUserAccess(admin, { userId: target.id, role: 'professional', organisationId: zorgOrg, version: target.version }));
    expect(outcome.code).toBe('CONFLICT');
    expect((await userByEmail(handle, 'veiligthuis@example.org')).role).toBe('admin');
    const now = await userByEmail(handle, 'veiligthuis@example.org');
    // A professional: approved by a regisseur.
    await decideAs('regisseur@example.org', (await changeUserAccess(admin, { userId: target.id, role: 'professional', organisationId: zorgOrg, version: now.version })).grantId!);
    expect((await userByEmail(handle, 'veiligthuis@example.org')).role).toBe('professional');
  });

  it('an admin cannot change their own role or organisation: refused in Dutch, unchanged, audited', async () => {
    const admin = await signInAs('admin@example.org');
    const self = await userByEmail(handle, 'admin@example.org');
    const [politie] = await handle.db.select().from(organisations).where(eq(organisations.shortName, 'Politie'));
    for (const attempt of [
      { role: 'regisseur' as const, organisationId: self.organisationId },
      { role: 'admin' as const, organisationId: politie!.id },
      { role: 'professional' as const, organisationId: politie!.id },
    ]) {
      const outcome = await outcomeOf(changeUserAccess(admin, { userId: self.id, version: self.version, ...attempt }));
      expect(outcome).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/^Je kunt je eigen rol en organisatie niet wijzigen/) });
    }
    expect(await userByEmail(handle, 'admin@example.org')).toMatchObject({ role: 'admin', organisationId: self.organisationId, version: self.version });
    const denied = (await auditAbout(handle, 'user', self.id)).filter((e) => e.action === 'denied');
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the last admin', () => {
  it('two admins blocking each other at the same moment leave one active admin', async () => {
    // A second admin: the manager becomes one (same house organisation).
    const manager = await userByEmail(handle, 'manager@example.org');
    await handle.db.update(users).set({ role: 'admin' }).where(eq(users.id, manager.id));
    const a = await signInAs('admin@example.org');
    const b = await signInAs('manager@example.org');
    const rowA = await userByEmail(handle, 'admin@example.org');
    const rowB = await userByEmail(handle, 'manager@example.org');
    const results = await Promise.allSettled([
      setUserActive(a, { userId: rowB.id, active: false, version: rowB.version }),
      setUserActive(b, { userId: rowA.id, active: false, version: rowA.version }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await activeAdmins()).toBe(1);
    // Put things back: whoever is still active unblocks the other.
    const survivor = (await userByEmail(handle, 'admin@example.org')).active ? a : b;
    const other = await userByEmail(handle, survivor === a ? 'manager@example.org' : 'admin@example.org');
    await setUserActive(survivor === a ? await signInAs('admin@example.org') : await signInAs('manager@example.org'), { userId: other.id, active: true, version: other.version });
    await handle.db.update(users).set({ role: 'manager' }).where(eq(users.id, manager.id));
    expect(await activeAdmins()).toBe(1);
  });

  it("two admins deactivating each other's organisation at once: the second is refused as the last admin", async () => {
    // A second admin in another organisation: the police professional becomes one.
    const politie = await userByEmail(handle, 'politie@example.org');
    await handle.db.update(users).set({ role: 'admin' }).where(eq(users.id, politie.id));
    const a = await signInAs('admin@example.org');
    const b = await signInAs('politie@example.org');
    const [house] = await handle.db.select().from(organisations).where(eq(organisations.id, a.organisationId));
    const [police] = await handle.db.select().from(organisations).where(eq(organisations.id, b.organisationId));
    const edit = (org: typeof house) => ({ id: org!.id, name: org!.name, shortName: org!.shortName, domain: org!.domain, active: false, version: org!.version });
    const results = await Promise.allSettled([updateOrganisation(a, edit(police)), updateOrganisation(b, edit(house))]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect((refused[0]!.reason as Error).message).toBe(render(LAST_ADMIN_MESSAGE));
    expect(await activeAdmins()).toBe(1);
    const [entry] = (await auditAbout(handle, 'organisation')).filter((e) => e.action === 'denied');
    expect(entry).toMatchObject({ outcome: 'denied', details: { reason: 'last-admin' } });
    // Put things back as the owner.
    await handle.db.update(organisations).set({ active: true }).where(eq(organisations.id, police!.id));
    await handle.db.update(organisations).set({ active: true }).where(eq(organisations.id, house!.id));
    await handle.db.update(users).set({ role: 'professional' }).where(eq(users.id, politie.id));
  });
});

describe('security actions', () => {
  it('a reset of the second factor ends the sessions; the next sign-in sets up the app again', async () => {
    const admin = await signInAs('admin@example.org');
    const ggzRow = await userByEmail(handle, 'ggz@example.org');
    if (!ggzRow.active) await setUserActive(admin, { userId: ggzRow.id, active: true, version: ggzRow.version });
    const ggz = await signInAs('ggz@example.org');
    const token = tokenOf(ggz, (await userByEmail(handle, 'ggz@example.org')).sessionVersion);
    await resetUserSecondFactor(admin, { userId: ggz.userId });
    expect(await resolveSession(handle.db, token)).toBeNull();
    expect(await handle.db.select().from(userTotp).where(eq(userTotp.userId, ggz.userId))).toHaveLength(0);
    const next = await signInWithCredentials(handle.db, { email: 'ggz@example.org', password: DEMO_PASSWORD }, {});
    expect(next).toMatchObject({ ok: true, stage: 'enrolment' });
    const [entry] = await auditAbout(handle, 'second-factor', ggz.userId);
    expect(entry).toMatchObject({ action: 'update', userId: admin.userId, details: { reset: true } });
    expect((await getUser(admin, ggz.userId)).secondFactorSince).toBeNull();
  });

  it('an admin cannot reset their own second factor', async () => {
    const admin = await signInAs('admin@example.org');
    const outcome = await outcomeOf(resetUserSecondFactor(admin, { userId: admin.userId }));
    expect(outcome.code).toBe('FORBIDDEN');
    expect(await handle.db.select().from(userTotp).where(eq(userTotp.userId, admin.userId))).toHaveLength(1);
  });

  it('sign-out everywhere ends every session of the user, and is audited', async () => {
    const admin = await signInAs('admin@example.org');
    const first = await signInAs('gemeente@example.org');
    const second = await signInAs('gemeente@example.org');
    expect(await resolveSession(handle.db, await claimsOf(second))).not.toBeNull();
    const version = (await userByEmail(handle, 'gemeente@example.org')).sessionVersion;
    expect((await getUser(admin, first.userId)).activeSessions).toBeGreaterThanOrEqual(2);
    await signOutEverywhere(admin, { userId: first.userId });
    expect(await resolveSession(handle.db, tokenOf(first, version))).toBeNull();
    expect(await resolveSession(handle.db, tokenOf(second, version))).toBeNull();
    expect((await getUser(admin, first.userId)).activeSessions).toBe(0);
    const [entry] = await auditAbout(handle, 'user', first.userId);
    expect(entry).toMatchObject({ action: 'update', details: { signedOutEverywhere: true } });
  });

  it('unlocking lifts the lock after too many failed sign-ins', async () => {
    const admin = await signInAs('admin@example.org');
    const email = 'reclassering@example.org';
    for (let i = 0; i < 10; i++) await signInWithCredentials(handle.db, { email, password: 'wrong-password-123' }, {});
    expect(await accountLockedUntil(handle.db, email)).not.toBeNull();
    const target = await userByEmail(handle, email);
    expect((await getUser(admin, target.id)).lockedUntil).not.toBeNull();
    await unlockUser(admin, { userId: target.id });
    expect(await accountLockedUntil(handle.db, email)).toBeNull();
    expect(await signInWithCredentials(handle.db, { email, password: DEMO_PASSWORD }, {})).toMatchObject({ ok: true });
    const [entry] = await auditAbout(handle, 'user', target.id);
    expect(entry).toMatchObject({ action: 'update', details: { unlocked: true } });
  });
});
