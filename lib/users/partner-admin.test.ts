import { and, count, countDistinct, eq, isNull, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { accessGrants, casePartners, userInvitations, users, userTotp } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { asUser } from '@/db/transaction';
import type { DbHandle } from '@/db/types';
import { auditAbout, decideAs, outcomeOf, userByEmail } from '@/lib/admin/testing';
import type { Actor } from '@/lib/actor';
import { render } from '@/lib/errors';
import { signInAs } from '@/lib/testing/actors';
import { databaseError } from '@/lib/testing/db-error';
import {
  convenedCaseCounts,
  getOwnUser,
  inviteColleague,
  listOwnUsers,
  pendingOwnInvitations,
  resetOwnUserSecondFactor,
  setOwnUserActive,
} from './partner-admin';
import { roleMismatch } from './role-fit';

// The one clock of this file: the demo data is relative to it.
const NOW = new Date('2026-03-10T10:00:00Z');
const BASE_URL = 'https://casusregie.example.nl';

let handle: DbHandle;
let beheer: Actor;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  beheer = await signInAs('partnerbeheer.politie@example.org');
});
afterAll(() => closeDb());

const deniedAbout = async (entityId: string) =>
  (await auditAbout(handle, 'user', entityId)).filter((r) => r.action === 'denied' && r.userId === beheer.userId);

describe("a partnerbeheerder manages its own organisation's users", () => {
  it("lists its organisation's accounts with their last sign-in, and no one else's", async () => {
    const own = await listOwnUsers(beheer);
    expect(own.map((u) => u.email).sort()).toEqual(['partnerbeheer.politie@example.org', 'politie@example.org']);
    expect(own.every((u) => u.organisationId === beheer.organisationId)).toBe(true);
    // Signed in by the test just now: the last sign-in is there to see.
    expect(own.find((u) => u.id === beheer.userId)?.lastSignInAt).toBeInstanceOf(Date);
  });

  it('blocks a colleague (ending their sessions) and unblocks them', async () => {
    const colleague = await userByEmail(handle, 'politie@example.org');
    await setOwnUserActive(beheer, { userId: colleague.id, active: false, version: colleague.version });
    const blocked = await userByEmail(handle, 'politie@example.org');
    expect(blocked.active).toBe(false);
    expect(blocked.sessionVersion).toBe(colleague.sessionVersion + 1);
    await setOwnUserActive(beheer, { userId: colleague.id, active: true, version: blocked.version });
    expect((await userByEmail(handle, 'politie@example.org')).active).toBe(true);
  });

  it('re-enrols a colleague: the authenticator app is gone until they set it up again', async () => {
    const colleague = await userByEmail(handle, 'politie@example.org');
    await resetOwnUserSecondFactor(beheer, { userId: colleague.id }, NOW);
    expect(await handle.db.select().from(userTotp).where(eq(userTotp.userId, colleague.id))).toEqual([]);
    // The old app's codes no longer sign them in: they enrol again.
    await expect(signInAs('politie@example.org')).rejects.toThrow(/demo sign-in failed/);
  });

  it('does not block or re-enrol its own account', async () => {
    const self = await userByEmail(handle, beheer.email);
    expect((await outcomeOf(setOwnUserActive(beheer, { userId: self.id, active: false, version: self.version }))).code).toBe('FORBIDDEN');
    expect((await outcomeOf(resetOwnUserSecondFactor(beheer, { userId: self.id }))).code).toBe('FORBIDDEN');
    expect((await userByEmail(handle, beheer.email)).active).toBe(true);
  });

  it("asks for a colleague's invitation: a professional of its own organisation, approved by the house", async () => {
    const asked = await inviteColleague(beheer, { name: 'Kees Wijkagent', email: 'Kees.Wijkagent@politie.example' }, { baseUrl: BASE_URL, now: NOW });
    const [grant] = await handle.db.select().from(accessGrants).where(eq(accessGrants.id, asked.grantId));
    expect(grant).toMatchObject({ kind: 'invitation', role: 'professional', organisationId: beheer.organisationId, requestedBy: beheer.userId, decidedAt: null });
    expect((await pendingOwnInvitations(beheer)).map((p) => p.email)).toEqual(['kees.wijkagent@politie.example']);
    // Four eyes: a regisseur approves; only then is there an invitation.
    await decideAs('regisseur@example.org', asked.grantId);
    const [invitation] = await handle.db.select().from(userInvitations).where(eq(userInvitations.email, 'kees.wijkagent@politie.example'));
    expect(invitation).toMatchObject({ role: 'professional', organisationId: beheer.organisationId, invitedBy: beheer.userId });
    expect(await pendingOwnInvitations(beheer)).toEqual([]);
  });

  it('cannot choose the role or organisation of an invitation, nor decide on one', async () => {
    const ggz = await userByEmail(handle, 'ggz@example.org');
    const sneaky = await outcomeOf(
      inviteColleague(beheer, { name: 'X', email: 'x@politie.example', role: 'regisseur', organisationId: ggz.organisationId }, { baseUrl: BASE_URL, now: NOW }),
    );
    expect(sneaky.code).toBe('VALIDATION');
    const asked = await inviteColleague(beheer, { name: 'Y', email: 'y@politie.example' }, { baseUrl: BASE_URL, now: NOW });
    expect((await outcomeOf(decideAs('partnerbeheer.politie@example.org', asked.grantId))).code).toBe('NOT_FOUND');
  });
});

describe('who can be a partnerbeheerder', () => {
  it('only someone of a partner organisation: the house has its own admins', () => {
    expect(render(roleMismatch('partnerbeheer', 'veiligheidshuis')!)).toMatch(/^Een partnerbeheerder beheert de accounts van een partnerorganisatie/);
    expect(roleMismatch('partnerbeheer', 'veiligheid')).toBeNull();
  });
});

describe("another organisation's user does not exist for it", () => {
  it('answers 404 to reading, blocking and re-enrolling a guessed id, audits each as denied, and changes nothing', async () => {
    const ggz = await userByEmail(handle, 'ggz@example.org');
    const before = await deniedAbout(ggz.id);
    expect((await outcomeOf(getOwnUser(beheer, ggz.id, NOW))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(setOwnUserActive(beheer, { userId: ggz.id, active: false, version: ggz.version }))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(resetOwnUserSecondFactor(beheer, { userId: ggz.id }, NOW))).code).toBe('NOT_FOUND');
    const denied = await deniedAbout(ggz.id);
    expect(denied.length - before.length).toBe(3);
    expect(denied.map((d) => (d.details as { attempted: string }).attempted).sort()).toEqual([
      'partner.user.active',
      'partner.user.second-factor',
      'partner.user.view',
    ]);
    const after = await userByEmail(handle, 'ggz@example.org');
    expect(after).toMatchObject({ active: true, version: ggz.version, sessionVersion: ggz.sessionVersion });
    expect(await handle.db.select().from(userTotp).where(eq(userTotp.userId, ggz.id))).toHaveLength(1);
  });

  it('answers 404 to an admin of the house too (the admin screens are not its)', async () => {
    const admin = await userByEmail(handle, 'admin@example.org');
    expect((await outcomeOf(getOwnUser(beheer, admin.id, NOW))).code).toBe('NOT_FOUND');
    expect((await outcomeOf(setOwnUserActive(beheer, { userId: admin.id, active: false, version: admin.version }))).code).toBe('NOT_FOUND');
    expect((await userByEmail(handle, 'admin@example.org')).active).toBe(true);
  });

  it('keeps everyone else out of the partner administration (404, audited)', async () => {
    for (const email of ['gemeente@example.org', 'admin@example.org', 'regisseur@example.org']) {
      const actor = await signInAs(email);
      expect((await outcomeOf(listOwnUsers(actor))).code, email).toBe('NOT_FOUND');
      expect((await outcomeOf(convenedCaseCounts(actor))).code, email).toBe('NOT_FOUND');
    }
  });
});

describe('of cases it learns numbers only', () => {
  it("counts the cases its organisation is convened to now, per status, naming none", async () => {
    const counts = await convenedCaseCounts(beheer);
    const [expected] = await handle.db
      .select({ n: countDistinct(casePartners.caseId) })
      .from(casePartners)
      .where(and(eq(casePartners.organisationId, beheer.organisationId), isNull(casePartners.endedAt)));
    expect(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(expected!.n);
    expect(expected!.n).toBeGreaterThan(0);
    expect(Object.values(counts).every((n) => typeof n === 'number')).toBe(true);
  });
});

describe('row-level security holds it to its organisation underneath', () => {
  it("reads no other organisation's account and no case, even when asked directly", async () => {
    const seen = await asUser(beheer.userId, (tx) =>
      queryRows<{ others: number; cases: number; partners: number; events: number }>(
        tx,
        sql`select (select count(*)::int from users where organisation_id <> ${beheer.organisationId}) as others,
                   (select count(*)::int from cases) as cases,
                   (select count(*)::int from case_partners) as partners,
                   (select count(*)::int from case_events) as events`,
      ),
    );
    expect(seen[0]).toEqual({ others: 0, cases: 0, partners: 0, events: 0 });
    // A professional still reads every account (names on cases and meetings).
    const gemeente = await signInAs('gemeente@example.org');
    const [others] = await asUser(gemeente.userId, (tx) => tx.select({ n: count() }).from(users).where(ne(users.organisationId, gemeente.organisationId)));
    expect(others!.n).toBeGreaterThan(0);
  });

  it("updates no other organisation's account, and no role, even when asked directly", async () => {
    const ggz = await userByEmail(handle, 'ggz@example.org');
    const colleague = await userByEmail(handle, 'politie@example.org');
    const blockedOther = await asUser(beheer.userId, (tx) =>
      tx.update(users).set({ active: false }).where(eq(users.id, ggz.id)).returning({ id: users.id }),
    );
    expect(blockedOther).toEqual([]);
    const promoted = await databaseError(asUser(beheer.userId, (tx) => tx.update(users).set({ role: 'regisseur' }).where(eq(users.id, colleague.id))));
    expect(promoted).toMatch(/row-level security/);
    expect((await userByEmail(handle, 'politie@example.org')).role).toBe('professional');
    expect((await userByEmail(handle, 'ggz@example.org')).active).toBe(true);
  });
});
