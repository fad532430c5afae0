import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { accessGrants, agreements, cases, mailOutbox, organisations, userInvitations, users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { asSystem } from '@/db/transaction';
import type { DbHandle } from '@/db/types';
import { logAction } from '@/lib/agreements/log-action';
import { addPartner, endPartner } from '@/lib/cases/partners';
import { DEMO_CASES } from '@/lib/seed/demo-cases';
import { runSweep } from '@/lib/stagnation/sweep';
import { signInAs } from '@/lib/testing/actors';
import { setUserActive } from '@/lib/users/manage-users';
import { loadHomeQueue } from './home-queue';
import type { AdminQueue, ManagerQueue, ProfessionalQueue, RegisseurQueue } from './queue-views';

/*
 * The home queues on the demo house, seeded and read at one frozen moment: Wednesday 11 November 2026,
 * 09:00 in Amsterdam. Each role's queue holds its work, and nothing its role may not see.
 */
const NOW = new Date('2026-11-11T08:00:00Z');
const LATER = new Date('2026-11-11T10:00:00Z');
let handle: DbHandle;
const caseIds = new Map<string, string>();
const numbers = new Map<string, string>();
const orgIds = new Map<string, string>();

/** The demo case of a subject, by name (the seed numbers them oldest first). */
const caseOf = (name: string) => ({ id: caseIds.get(name)!, number: numbers.get(name)! });

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  await asSystem(async (tx) => {
    for (const c of await tx.select({ id: cases.id, number: cases.number, name: cases.subjectName }).from(cases)) {
      caseIds.set(c.name, c.id);
      numbers.set(c.name, c.number);
    }
    for (const o of await tx.select({ id: organisations.id, short: organisations.shortName }).from(organisations)) orgIds.set(o.short, o.id);
  });
  // Signals as the nightly sweep leaves them; old ones climb straight to the managers.
  await runSweep(handle.db, { now: NOW, baseUrl: 'https://casusregie.example' });
});
afterAll(closeDb);

async function agreementId(description: string): Promise<string> {
  const [row] = await asSystem((tx) => tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.description, description)));
  return row!.id;
}

describe('the regisseur’s home queue', () => {
  it('counts down the answer norm of waiting referrals and lists her meetings, signals and cases without a next meeting', async () => {
    const regisseur = await signInAs('regisseur@example.org');
    const queue = (await loadHomeQueue(regisseur, NOW)) as RegisseurQueue;
    expect(queue.role).toBe('regisseur');
    expect(queue.referralNorm).toBe(5);

    // Oldest first: referred on Friday 30 October (12 days ago), Thursday 5 November and Monday 9 November.
    expect(queue.referrals.map((r) => [r.number, r.answerBy, r.workingDaysLeft, r.unassigned])).toEqual([
      [caseOf('Henk Pieters').number, '2026-11-06', -3, true],
      [caseOf('Marloes Verhoef').number, '2026-11-12', 1, false],
      [caseOf('Peter van Dijk').number, '2026-11-16', 3, false],
    ]);

    expect(queue.meetingsToday).toEqual([]);
    expect(queue.meetingsComing.map((m) => [m.title, m.status])).toEqual([
      ['Triage-overleg', 'concept'],
      ['Casusoverleg ZVH Utrecht', 'gepland'],
    ]);
    expect(queue.meetingsComing[1]!.items).toBe(3);

    const total = queue.signalsByLevel.reduce((n, l) => n + l.count, 0);
    const [open] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from signals where status = 'open'`);
    expect(total).toBe(open!.n);
    expect(total).toBeGreaterThan(0);

    // Her running cases on no meeting ahead: not Thomas Brouwer (on the agenda), not Kevin Mulder (paused),
    // and none of her colleague's cases (Lucas Jansen, Rachid Amrani).
    expect(queue.withoutMeeting.map((c) => c.number).sort()).toEqual(
      [caseOf('Jan de Vries').number, caseOf('Sem Bakker').number, caseOf('Sandra de Boer').number].sort(),
    );
  });

  it('shows agreements blocked since her last visit in an earlier session, not before it, and not those of a colleague’s cases', async () => {
    const first = await signInAs('regisseur@example.org');
    // No visit recorded yet in this database's first session of hers above? Then the first visit shows every blocked one.
    await asSystem((tx) => tx.execute(sql`delete from home_visits`));
    const firstVisit = (await loadHomeQueue(first, NOW)) as RegisseurQueue;
    expect(firstVisit.lastVisit).toBeNull();
    expect(firstVisit.blocked.map((b) => b.description)).toEqual(['Behandeling agressieregulatie starten']);
    // Coming back in the same session keeps the list she is working through.
    const again = (await loadHomeQueue(first, LATER)) as RegisseurQueue;
    expect(again.blocked.map((b) => b.description)).toEqual(['Behandeling agressieregulatie starten']);

    // Politie reports two agreements blocked: one on her case, one on a colleague's case.
    const politie = await signInAs('politie@example.org');
    const blockedAt = new Date('2026-11-11T11:00:00Z');
    await logAction(politie, await agreementId('Huisverbod evalueren en zo nodig verlengen'), { kind: 'geblokkeerd', note: 'Rechter-commissaris nog niet bereikbaar.' }, blockedAt);
    await logAction(politie, await agreementId('Persoonsgerichte aanpak: wekelijkse huisbezoeken'), { kind: 'geblokkeerd', note: 'Adres onbekend.' }, blockedAt);

    const second = await signInAs('regisseur@example.org');
    const nextDay = (await loadHomeQueue(second, new Date('2026-11-12T08:00:00Z'))) as RegisseurQueue;
    expect(nextDay.lastVisit).toEqual(LATER);
    expect(nextDay.blocked.map((b) => [b.description, b.caseNumber, b.ownerName, b.reason])).toEqual([
      ['Huisverbod evalueren en zo nodig verlengen', caseOf('Jan de Vries').number, 'Politie', 'Rechter-commissaris nog niet bereikbaar.'],
    ]);

    // Her colleague sees the other one: the marker is per user, and the queue per regisseur.
    const colleague = await signInAs('regisseur2@example.org');
    const theirs = (await loadHomeQueue(colleague, new Date('2026-11-12T08:00:00Z'))) as RegisseurQueue;
    expect(theirs.blocked.map((b) => b.description)).toEqual(['Persoonsgerichte aanpak: wekelijkse huisbezoeken']);
  });
});

describe('the professional’s home queue', () => {
  it('lists her organisation’s agreements due this week, the statusronde and newly convened cases, nothing of other organisations', async () => {
    const regisseur = await signInAs('regisseur@example.org');
    const henk = caseOf('Henk Pieters');
    await addPartner(regisseur, henk.id, { organisationId: orgIds.get('Politie')!, reason: 'Meldingen van overlast bij de wijkagent.' }, NOW);
    // Convened and ended again: no longer hers to see.
    const marloes = caseOf('Marloes Verhoef');
    const partner = await addPartner(regisseur, marloes.id, { organisationId: orgIds.get('Politie')!, reason: 'Dreiging richting buren.' }, NOW);
    await endPartner(regisseur, marloes.id, { partnerId: partner.id, reason: 'Toch niet nodig.' }, NOW);

    const politie = await signInAs('politie@example.org');
    const queue = (await loadHomeQueue(politie, NOW)) as ProfessionalQueue;
    expect(queue.role).toBe('professional');
    // Due Thursday and Saturday; the one due in 30 days waits. (The first was reported blocked above.)
    expect(queue.dueThisWeek.map((a) => [a.description, a.dueDate, a.blocked, a.namedToMe])).toEqual([
      ['Huisverbod evalueren en zo nodig verlengen', '2026-11-12', true, true],
      ['Risicotaxatie delen in het overleg', '2026-11-14', false, true],
    ]);
    expect(queue.overdue).toEqual([]);
    expect(queue.statusRequests.map((r) => [r.title, r.dueDate, r.agreements, r.reported, r.late])).toEqual([
      ['Casusoverleg ZVH Utrecht', '2026-11-17', 2, 0, false],
    ]);
    expect(queue.newlyConvened.map((c) => c.number)).toEqual([henk.number]);

    // Nothing of another organisation: Veilig Thuis's overdue agreement on a case Politie is convened to too.
    const text = JSON.stringify(queue);
    expect(text).not.toContain('Veiligheidsplan opstellen');
    expect(text).not.toContain(marloes.number);

    const ggz = await signInAs('ggz@example.org');
    const ggzQueue = (await loadHomeQueue(ggz, NOW)) as ProfessionalQueue;
    expect(ggzQueue.overdue.map((a) => [a.description, a.dueDate, a.blocked])).toEqual([
      ['Behandeling agressieregulatie starten', '2026-11-08', true],
    ]);
    // Not asked for the statusronde (none of its agreements is on the agenda), not convened to Henk's case.
    expect(ggzQueue.statusRequests).toEqual([]);
    expect(ggzQueue.newlyConvened).toEqual([]);
  });
});

describe('the manager’s home queue', () => {
  it('gives the week’s figures pseudonymised and the escalations that reached her, without a case name or case id', async () => {
    const manager = await signInAs('manager@example.org');
    const queue = (await loadHomeQueue(manager, NOW)) as ManagerQueue;
    expect(queue.role).toBe('manager');
    expect(queue.week).toEqual({ from: '2026-11-09', to: '2026-11-11' });
    // One referral this week (Monday's): a small count, suppressed as on the dashboard.
    expect(queue.figures.newReferrals).toBe('< 5');
    const [open] = await queryRows<{ n: number; overdue: number; managers: number }>(
      handle.db,
      sql`select (select count(*)::int from agreements where status in ('open', 'in_uitvoering')) as n,
                 (select count(*)::int from agreements where status in ('open', 'in_uitvoering') and due_date < '2026-11-11') as overdue,
                 (select count(*)::int from signals where status = 'open' and level >= 2) as managers`,
    );
    expect(queue.figures.openAgreements).toBe(open!.n);
    expect(queue.figures.overdueAgreements).toBe(open!.overdue);
    expect(queue.signalsAtManager).toBe(open!.managers);
    expect(queue.signalsAtManager).toBeGreaterThan(0);

    expect(queue.escalations.length).toBeGreaterThan(0);
    for (const e of queue.escalations) {
      expect(e.title).toMatch(/^Opschaling: stagnatie/);
      expect(e.unread).toBe(true);
    }
    expect(queue.escalations.map((e) => e.caseNumber)).toContain(caseOf('Sem Bakker').number);

    const text = JSON.stringify(queue);
    for (const demo of DEMO_CASES) expect(text).not.toContain(demo.subject.name);
    for (const id of caseIds.values()) expect(text).not.toContain(id);
  });
});

describe('the admin’s home queue', () => {
  it('lists approvals waiting for her, invitations, blocked accounts and failed mail, and no case content', async () => {
    const admin = await signInAs('admin@example.org');
    const empty = (await loadHomeQueue(admin, NOW)) as AdminQueue;
    expect(empty).toEqual({ role: 'admin', grantsToDecide: [], invitationsOpen: 0, invitationsExpired: 0, blockedAccounts: [], mailFailures: expect.any(Number) });
    const failedBefore = empty.mailFailures;

    const ggzUser = await asSystem(async (tx) => {
      const [row] = await tx.select({ id: users.id, version: users.version, organisationId: users.organisationId }).from(users).where(eq(users.email, 'ggz@example.org'));
      return row!;
    });
    await setUserActive(admin, { userId: ggzUser.id, active: false, version: ggzUser.version });
    await asSystem(async (tx) => {
      const [other] = await tx
        .insert(users)
        .values({ email: 'beheer2@example.org', name: 'Tweede Beheerder', role: 'admin', organisationId: ggzUser.organisationId, passwordHash: 'x' })
        .returning({ id: users.id });
      const [mine] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'admin@example.org'));
      // One asked by a colleague (hers to decide) and one she asked herself (someone else decides).
      await tx.insert(accessGrants).values([
        { kind: 'invitation', email: 'nieuw@example.org', name: 'Nieuwe Collega', role: 'professional', organisationId: ggzUser.organisationId, requestedBy: other!.id, requestedAt: NOW },
        { kind: 'invitation', email: 'eigen@example.org', name: 'Eigen Aanvraag', role: 'professional', organisationId: ggzUser.organisationId, requestedBy: mine!.id, requestedAt: NOW },
      ]);
      const invitation = (email: string, expiresAt: Date) => ({
        tokenHash: randomBytes(16).toString('hex'), email, name: email, role: 'professional' as const, organisationId: ggzUser.organisationId, invitedBy: mine!.id, expiresAt, createdAt: new Date(expiresAt.getTime() - 86_400_000),
      });
      await tx.insert(userInvitations).values([invitation('open@example.org', LATER), invitation('verlopen@example.org', new Date('2026-11-10T08:00:00Z'))]);
      await tx.insert(mailOutbox).values({ dedupeKey: 'test:failed', toEmail: 'x@example.org', subject: 'Test', bodyText: 'Test', status: 'failed' });
    });

    const queue = (await loadHomeQueue(admin, NOW)) as AdminQueue;
    expect(queue.grantsToDecide.map((g) => [g.name, g.role])).toEqual([['Nieuwe Collega', 'professional']]);
    expect(queue.invitationsOpen).toBe(1);
    expect(queue.invitationsExpired).toBe(1);
    expect(queue.blockedAccounts).toEqual([{ userId: ggzUser.id, name: 'Eva Visser' }]);
    expect(queue.mailFailures).toBe(failedBefore + 1);
    expect(JSON.stringify(queue)).not.toMatch(/ZVH-\d{4}-\d{4}/);
  });
});
