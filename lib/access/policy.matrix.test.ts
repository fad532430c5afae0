/**
 * The access policy beyond cases, proven cell by cell: for every role × action (× relation) of
 * meetings and agenda items, agreements, signals, the dashboard and functioneel beheer, the real lib
 * function is called as that actor on a seeded database, and what an attacker would notice is asserted:
 * a refusal is the policy's status (404 or 403) and, where the guard logs, a 'denied' audit row; an
 * allowed cell is never refused (it answers, or reaches validation of the empty input it was given).
 * The case matrix has its own test (matrix.test.ts), subject access included (case.subjectAccess).
 */
import { eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { cases, type UserRole } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { listAgreements } from '@/lib/agreements/list-agreements';
import { listRequests } from '@/lib/data-subject-requests/list-requests';
import { registerRequest } from '@/lib/data-subject-requests/register-request';
import { getTask } from '@/lib/data-subject-requests/tasks';
import type { Actor } from '@/lib/actor';
import { searchAuditLog } from '@/lib/audit/case-access-log';
import { getDashboard } from '@/lib/dashboard/figures';
import { dashboardQuerySchema } from '@/lib/dashboard/query';
import { AppError } from '@/lib/errors';
import { createMeeting } from '@/lib/meetings/create-meeting';
import { getMeeting } from '@/lib/meetings/get-meeting';
import { inviteOrganisation } from '@/lib/meetings/invitations';
import { listMeetings } from '@/lib/meetings/list-meetings';
import { getDraft } from '@/lib/meetings/minute-drafts';
import { proposeCases } from '@/lib/meetings/proposals';
import { listMailbox } from '@/lib/notify/mailbox';
import { listOrganisations } from '@/lib/admin/organisations';
import { readRetentionSettings } from '@/lib/retention/manage-settings';
import { resolveSignal, snoozeSignal } from '@/lib/signals/change-signal';
import { listSignals } from '@/lib/signals/list-signals';
import { readStagnationSettings } from '@/lib/signals/manage-settings';
import { stuurgroepReport } from '@/lib/signals/report';
import { runSweep } from '@/lib/stagnation/sweep';
import { signInAs } from '@/lib/testing/actors';
import { deciderRoles, listGrants, mayDecide, mayView } from '@/lib/users/access-grants';
import { listInvitations } from '@/lib/users/invitations';
import { listUsers } from '@/lib/users/manage-users';
import { listOwnUsers } from '@/lib/users/partner-admin';
import { GRANT_RELATIONS } from './admin';
import { ROLES, type Outcome } from './outcome';
import { authorize, POLICY, RESOURCES, type Action } from './policy';

const NOW = new Date('2026-03-10T10:00:00Z');

type Relation = 'invited' | 'none' | 'owner' | 'other' | 'own' | '-';

interface Situation {
  actor: Actor;
  meetingId: string;
  itemId: string;
  taskId: string;
}

/** The lib function that performs each action, and whether its guard logs a refusal. */
const PERFORM: Partial<Record<Action, { run: (s: Situation) => Promise<unknown>; audited: boolean }>> = {
  'meeting.list': { run: (s) => listMeetings(s.actor, 'upcoming', NOW), audited: false },
  'meeting.create': { run: (s) => createMeeting(s.actor, {} as never), audited: false },
  'agendaItem.propose': { run: (s) => proposeCases(s.actor, NOW), audited: false },
  'meeting.view': { run: (s) => getMeeting(s.actor, s.meetingId), audited: true },
  'agendaItem.view': { run: (s) => getMeeting(s.actor, s.meetingId), audited: true },
  'meeting.manage': { run: (s) => inviteOrganisation(s.actor, s.meetingId, { organisationId: randomUUID() }), audited: true },
  'agendaItem.minutes': { run: (s) => getDraft(s.actor, s.meetingId, s.itemId), audited: false },
  'agreement.overview': { run: (s) => listAgreements(s.actor, {}, NOW), audited: false },
  'signal.list': { run: (s) => listSignals(s.actor, { status: 'open' }), audited: true },
  'signal.report': { run: (s) => stuurgroepReport(s.actor), audited: true },
  'signal.resolve': { run: (s) => resolveSignal(s.actor, randomUUID(), {}), audited: true },
  'signal.snooze': { run: (s) => snoozeSignal(s.actor, randomUUID(), {}), audited: true },
  'signal.settings': { run: (s) => readStagnationSettings(s.actor), audited: true },
  'dashboard.view': { run: (s) => getDashboard(s.actor, dashboardQuerySchema.parse({}), { now: NOW }), audited: true },
  'admin.users': { run: (s) => listUsers(s.actor), audited: true },
  'admin.invitations': { run: (s) => listInvitations(s.actor, NOW), audited: true },
  'admin.organisations': { run: (s) => listOrganisations(s.actor), audited: true },
  'admin.settings': { run: (s) => readRetentionSettings(s.actor), audited: true },
  'admin.audit': { run: (s) => searchAuditLog(s.actor, {}), audited: true },
  'admin.mailbox': { run: (s) => listMailbox(s.actor), audited: true },
  'accessGrant.decide': { run: (s) => listGrants(s.actor, NOW), audited: true },
  'dataSubjectRequest.manage': { run: (s) => listRequests(s.actor, NOW), audited: true },
  'dataSubjectTask.answer': { run: (s) => getTask(s.actor, s.taskId, NOW), audited: true },
  'partner.users': { run: (s) => listOwnUsers(s.actor), audited: true },
};

/** Proven elsewhere: agreement progress and confirmation in lib/agreements and lib/live (per organisation). */
const ELSEWHERE = new Set<string>(['agreement.progress', 'agreement.confirm']);

interface Cell {
  role: UserRole;
  action: Action;
  relation: Relation;
  outcome: Outcome;
}

const CELLS: Cell[] = (['meeting', 'agreement', 'signal', 'dashboard', 'admin', 'dataSubjectRequest', 'dataSubjectTask'] as const).flatMap((kind) => {
  const { actions, relations } = RESOURCES[kind];
  return ROLES.flatMap((role) =>
    (actions as readonly Action[])
      .filter((action) => !ELSEWHERE.has(action))
      .flatMap((action) => {
        const related = typeof POLICY[role][action] === 'object';
        return (related ? (relations as readonly Relation[]) : (['-'] as const)).map((relation) => ({
          role,
          action,
          relation,
          outcome: related ? authorize({ role }, action, relation as never) : authorize({ role }, action),
        }));
      }),
  );
});

console.log(`access policy beyond cases: ${CELLS.length} cells, ${CELLS.length} tests generated from it`);

/** Who plays each role in each relation to the meeting: politie is invited to it, gemeente is not. */
const ACTOR_OF: Record<UserRole, Partial<Record<Relation, string>>> = {
  regisseur: { invited: 'regisseur', none: 'regisseur', own: 'regisseur', other: 'regisseur', '-': 'regisseur' },
  manager: { invited: 'manager', none: 'manager', own: 'manager', other: 'manager', '-': 'manager' },
  admin: { invited: 'admin', none: 'admin', own: 'admin', other: 'admin', '-': 'admin' },
  // A data-subject request's task: politie's own; gemeente has none, so politie's is another's to it.
  professional: { invited: 'politie', none: 'gemeente', own: 'politie', other: 'gemeente', '-': 'politie' },
  // Politie's own partnerbeheerder: its organisation is invited, and it must still see nothing of the meeting.
  partnerbeheer: { invited: 'partnerbeheer.politie', none: 'partnerbeheer.politie', own: 'partnerbeheer.politie', other: 'partnerbeheer.politie', '-': 'partnerbeheer.politie' },
};

let handle: DbHandle;
const actors: Record<string, Actor> = {};
let meetingId = '';
let itemId = '';
let taskId = '';

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
  await runSweep(handle.db, { now: NOW });
  for (const name of ['regisseur', 'manager', 'admin', 'politie', 'gemeente', 'partnerbeheer.politie']) {
    actors[name] = await signInAs(`${name}@example.org`);
  }
  // A meeting past its concept stage, with an agenda, that politie is invited to.
  const [meeting] = await queryRows<{ id: string; item: string }>(
    handle.db,
    sql`select m.id, (select a.id from agenda_items a where a.meeting_id = m.id limit 1) as item from meetings m
        where m.status <> 'concept' and exists (select 1 from agenda_items a where a.meeting_id = m.id)
          and exists (select 1 from meeting_invitees i where i.meeting_id = m.id and i.organisation_id = ${actors.politie!.organisationId})
        order by m.starts_at desc limit 1`,
  );
  meetingId = meeting!.id;
  itemId = meeting!.item;
  // A professional whose organisation is not invited to it: gemeente, uninvited here if the demo invited it.
  await handle.db.execute(
    sql`delete from meeting_invitees where meeting_id = ${meetingId} and organisation_id = ${actors.gemeente!.organisationId}`,
  );
  // A data-subject request about the subject of a case politie is convened to: politie gets a task.
  const [subject] = await queryRows<{ id: string }>(
    handle.db,
    sql`select c.id from cases c join case_partners p on p.case_id = c.id
        where p.organisation_id = ${actors.politie!.organisationId} and p.ended_at is null and c.personal_data_removed_at is null limit 1`,
  );
  const [person] = await handle.db.select({ name: cases.subjectName, birthDate: cases.subjectBirthDate }).from(cases).where(eq(cases.id, subject!.id));
  const registration = { ...person!, requesterContact: 'post', kind: 'inzage', receivedOn: '2026-03-02', identityCheck: 'digid', caseIds: [subject!.id] };
  const request = await registerRequest(actors.regisseur!, registration, NOW);
  await handle.db.execute(sql`delete from data_subject_request_tasks where request_id = ${request.id} and organisation_id = ${actors.gemeente!.organisationId}`);
  [{ id: taskId }] = await queryRows<{ id: string }>(
    handle.db,
    sql`select id from data_subject_request_tasks where request_id = ${request.id} and organisation_id = ${actors.politie!.organisationId}`,
  ) as [{ id: string }];
});
afterAll(() => closeDb());

const deniedRows = async (actor: Actor) =>
  (
    await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_log where user_id = ${actor.userId} and outcome = 'denied' and action = 'denied'`,
    )
  )[0]!.n;

async function attempt(work: Promise<unknown>): Promise<{ value?: unknown; error?: AppError }> {
  try {
    return { value: await work };
  } catch (error) {
    if (error instanceof AppError) return { error };
    throw error;
  }
}

describe('the access policy beyond cases, cell by cell', () => {
  it('has a performer for every action it decides (a new action needs its cells here)', () => {
    const missing = CELLS.map((c) => c.action).filter((a) => !PERFORM[a]);
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each(CELLS)('$role · $action · $relation → $outcome', async (cell) => {
    const actor = actors[ACTOR_OF[cell.role][cell.relation]!]!;
    const perform = PERFORM[cell.action]!;
    const deniedBefore = await deniedRows(actor);
    const result = await attempt(perform.run({ actor, meetingId, itemId, taskId }));
    if (cell.outcome === 'not-found' || cell.outcome === 'forbidden') {
      expect(result.error?.status, `expected ${cell.outcome}, got ${result.error?.message ?? 'an answer'}`).toBe(
        cell.outcome === 'not-found' ? 404 : 403,
      );
      if (perform.audited) expect(await deniedRows(actor)).toBe(deniedBefore + 1);
      return;
    }
    // Allowed: never refused; an empty input may still be invalid (422) or an item not writable now (409).
    expect([403, 404], result.error?.message).not.toContain(result.error?.status);
    expect(await deniedRows(actor)).toBe(deniedBefore);
    assertView(cell, result.value);
  });
});

describe('four eyes on access, cell by cell: who sees and decides a grant of each role', () => {
  const CELLS_4E = ROLES.flatMap((role) => GRANT_RELATIONS.map((granted) => ({ role, granted, outcome: authorize({ role }, 'accessGrant.approve', granted) })));
  it.each(CELLS_4E)('$role · a grant of $granted → $outcome', ({ role, granted, outcome }) => {
    const actor = actors[ACTOR_OF[role]['-']!]!;
    const grant = { role: granted, requestedBy: randomUUID(), userId: randomUUID() };
    expect(mayView(actor, grant)).toBe(outcome === 'allow');
    expect(mayDecide(actor, grant)).toBe(outcome === 'allow');
    expect(deciderRoles(granted).includes(role)).toBe(outcome === 'allow');
    // Never the second pair of eyes on one's own request, nor on a grant for oneself.
    expect(mayDecide(actor, { ...grant, requestedBy: actor.userId })).toBe(false);
    expect(mayDecide(actor, { ...grant, userId: actor.userId })).toBe(false);
  });
});

/** The view an allowed outcome stands for, where the answer shows it. */
function assertView(cell: Cell, value: unknown) {
  if (value === undefined) return;
  const text = JSON.stringify(value);
  if (cell.action === 'meeting.list' && cell.outcome === 'shared') {
    // Only the meetings the organisation is invited to: never a concept.
    expect((value as { status: string }[]).every((m) => m.status !== 'concept')).toBe(true);
  }
  if ((cell.action === 'signal.list' || cell.action === 'signal.report') && cell.outcome === 'pseudonymised') {
    // No free text of a case reaches a manager.
    expect((value as { items: { explanation?: unknown; resolutionNote?: unknown }[] }).items.every((s) => !s.resolutionNote)).toBe(true);
  }
  if (cell.action === 'partner.users') {
    // Its own organisation's accounts, and no other.
    const users = value as { organisationId: string }[];
    expect(users.length).toBeGreaterThan(1);
    expect(users.every((u) => u.organisationId === actors['partnerbeheer.politie']!.organisationId)).toBe(true);
  }
  if (cell.action === 'dashboard.view') {
    expect(text.includes('"< 5"') || cell.outcome === 'allow').toBe(true);
  }
}
