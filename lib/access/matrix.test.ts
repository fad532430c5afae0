/**
 * The permission matrix, proven cell by cell: for every role × action × relation the situation is created
 * for real in the database, the real lib function of the action is called as that actor, and what an
 * attacker would notice is asserted — the answer (view shape, 403 or 404), what changed in the database,
 * and the 'denied' row every refusal leaves in the audit log.
 */
import { eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { agreements, casePartners, cases, organisations, userRole, type UserRole } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { createAgreement } from '@/lib/agreements/create-agreement';
import { listCaseAgreements } from '@/lib/agreements/list-agreements';
import { logAction } from '@/lib/agreements/log-action';
import { updateAgreement } from '@/lib/agreements/update-agreement';
import { caseAccessLog } from '@/lib/cases/access-log';
import type { Actor } from '@/lib/actor';
import { getCase } from '@/lib/cases/get-case';
import { listCases } from '@/lib/cases/list-cases';
import { addPartner, endPartner, listPartners, setCaseLead } from '@/lib/cases/partners';
import { createReferral } from '@/lib/cases/refer';
import type { ReferralInput } from '@/lib/cases/schemas';
import { transitionCase } from '@/lib/cases/transition-case';
import { updateCase } from '@/lib/cases/update-case';
import { AppError } from '@/lib/errors';
import { subjectAccessExport } from '@/lib/subject-access/export';
import { signInAs } from '@/lib/testing/actors';
import { CASE_ACTIONS, MATRIX, RELATIONS, isDenied, type CaseAction, type Decision, type Relation } from './matrix';

const ROLES = Object.keys(MATRIX) as UserRole[];

interface Cell {
  role: UserRole;
  action: CaseAction;
  relation: Relation;
  decision: Decision;
}

const CELLS: Cell[] = ROLES.flatMap((role) =>
  CASE_ACTIONS.flatMap((action) =>
    RELATIONS.map((relation) => ({ role, action, relation, decision: MATRIX[role][action][relation] })),
  ),
);

console.log(
  `permission matrix: ${ROLES.length} roles × ${CASE_ACTIONS.length} actions × ${RELATIONS.length} relations = ` +
    `${CELLS.length} cells; ${CELLS.length} tests generated from it`,
);

/** Who plays each role in each relation. Professionals differ per relation, so no cell borrows another's state. */
const ACTOR_OF: Record<UserRole, Record<Relation, string>> = {
  regisseur: { convened: 'regisseur', referrer: 'regisseur', none: 'regisseur' },
  manager: { convened: 'manager', referrer: 'manager', none: 'manager' },
  admin: { convened: 'admin', referrer: 'admin', none: 'admin' },
  // politie: convened now; gemeente: referred the case, not convened; reclassering: convened once, ended.
  professional: { convened: 'politie', referrer: 'gemeente', none: 'reclassering' },
};

/** What the case looks like in the database, read as the owner (no row-level security). */
interface Snapshot {
  goal: string;
  status: string;
  caseLeadUserId: string | null;
  version: number;
  activePartners: string[];
  endedPartners: string[];
  agreements: number;
  agreementDueDates: string[];
  progressEntries: number;
}

interface Situation {
  actor: Actor;
  caseId: string;
  number: string;
  subjectName: string;
  omPartnerId: string;
  agreementId: string;
  before: Snapshot;
}

let handle: DbHandle;
const actors: Record<string, Actor> = {};
const org: Record<'om' | 'ggz' | 'mitros', string> = { om: '', ggz: '', mitros: '' };
let ggzUserId: string;
let serial = 0;

const referral = (name: string): ReferralInput => ({
  subject: { name, birthDate: '1991-04-17', address: 'Matrixlaan 7, Utrecht' },
  municipalityCode: 'GM0344',
  targetGroup: 'overlast',
  criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
  reason: 'Geheime reden van aanmelding voor de matrixtest.',
  goal: 'Geheim doel voor de matrixtest.',
  involvedPartners: null,
});

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
  const names = ['regisseur', 'manager', 'admin', 'politie', 'ggz', 'gemeente', 'reclassering', 'veiligthuis'];
  const signedIn = await Promise.all(names.map((n) => signInAs(`${n}@example.org`)));
  names.forEach((n, i) => (actors[n] = signedIn[i]!));
  const orgs = await handle.db.select({ id: organisations.id, name: organisations.name }).from(organisations);
  const byName = (name: string) => orgs.find((o) => o.name === name)!.id;
  org.om = byName('Openbaar Ministerie Midden-Nederland');
  org.ggz = byName('Altrecht GGZ');
  org.mitros = byName('Mitros wonen');
  ggzUserId = actors.ggz!.userId;
});
afterAll(() => closeDb());

async function snapshot(caseId: string): Promise<Snapshot> {
  const [row] = await handle.db
    .select({ goal: cases.goal, status: cases.status, caseLeadUserId: cases.caseLeadUserId, version: cases.version })
    .from(cases)
    .where(eq(cases.id, caseId));
  const partners = await handle.db
    .select({ organisationId: casePartners.organisationId, endedAt: casePartners.endedAt })
    .from(casePartners)
    .where(eq(casePartners.caseId, caseId));
  const due = await handle.db.select({ dueDate: agreements.dueDate }).from(agreements).where(eq(agreements.caseId, caseId));
  const [progress] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from agreement_actions a join agreements g on g.id = a.agreement_id where g.case_id = ${caseId}`,
  );
  return {
    ...row!,
    activePartners: partners.filter((p) => !p.endedAt).map((p) => p.organisationId).sort(),
    endedPartners: partners.filter((p) => p.endedAt).map((p) => p.organisationId).sort(),
    agreements: due.length,
    agreementDueDates: due.map((d) => d.dueDate).sort(),
    progressEntries: progress!.n,
  };
}

/**
 * A fresh active case per cell, referred by Veilig Thuis (or by the actor, for 'referrer'), with OM and
 * Altrecht GGZ convened; then the actor is put in the relation the cell asks for.
 */
async function situation(role: UserRole, relation: Relation): Promise<Situation> {
  const actor = actors[ACTOR_OF[role][relation]]!;
  const regisseur = actors.regisseur!;
  const subjectName = `Proefpersoon Matrix-${++serial}`;
  const selfRefers = relation === 'referrer' && (role === 'professional' || role === 'regisseur');
  const created = await createReferral(selfRefers ? actor : actors.veiligthuis!, referral(subjectName));
  if (relation === 'referrer' && !selfRefers) {
    // Managers and admins cannot refer; the situation is written directly, as the owner.
    await handle.db
      .update(cases)
      .set({ referrerUserId: actor.userId, referrerOrganisationId: actor.organisationId })
      .where(eq(cases.id, created.id));
  }
  await transitionCase(regisseur, created.id, { action: 'start_triage', version: 1 });
  await transitionCase(regisseur, created.id, { action: 'triage', decision: 'in_behandeling', reason: 'Voldoet.', version: 2 });
  const om = await addPartner(regisseur, created.id, { organisationId: org.om, reason: 'Vervolging loopt.' });
  await addPartner(regisseur, created.id, { organisationId: org.ggz, reason: 'Zorg nodig.' });
  if (relation === 'convened') {
    if (role === 'professional') {
      await addPartner(regisseur, created.id, { organisationId: actor.organisationId, reason: 'Wijkagent.' });
    } else {
      // The house's own organisation cannot be convened through the app; the relation is written directly.
      await handle.db
        .insert(casePartners)
        .values({ caseId: created.id, organisationId: actor.organisationId, reason: 'Direct', addedByUserId: regisseur.userId });
    }
  }
  if (relation === 'none' && role === 'professional') {
    // Convened once, ended since: an ended participation must count for nothing.
    const former = await addPartner(regisseur, created.id, { organisationId: actor.organisationId, reason: 'Tijdelijk.' });
    await endPartner(regisseur, created.id, { partnerId: former.id, reason: 'Niet meer nodig.' });
  }
  // One agreement, owned by the actor's own organisation where it is a convened partner (so that logging
  // progress is its to do), and by OM otherwise.
  const owner = relation === 'convened' && role === 'professional' ? actor.organisationId : org.om;
  const agreement = await createAgreement(regisseur, created.id, {
    description: 'Geheime afspraak voor de matrixtest.',
    ownerOrganisationId: owner,
    dueDate: DUE,
  });
  return {
    actor,
    caseId: created.id,
    number: created.number,
    subjectName,
    omPartnerId: om.id,
    agreementId: agreement.id,
    before: await snapshot(created.id),
  };
}

const CHANGE_GOAL = 'Doel gewijzigd door de matrixtest.';

/** Each action of the matrix mapped to the lib function that performs it. */
const PERFORM: Record<CaseAction, (s: Situation) => Promise<unknown>> = {
  'case.list': (s) => listCases(s.actor, { q: s.number }),
  'case.create': (s) => createReferral(s.actor, referral(`Nieuwe aanmelding door ${s.actor.role}`)),
  'case.view': (s) => getCase(s.actor, s.caseId),
  'case.update': (s) => updateCase(s.actor, s.caseId, { goal: CHANGE_GOAL, version: s.before.version }),
  'case.transition': (s) =>
    transitionCase(s.actor, s.caseId, { action: 'to_monitoring', reason: 'Stabiel.', version: s.before.version }),
  'case.audit': (s) => caseAccessLog(s.actor, s.caseId),
  'case.subjectAccess': (s) => subjectAccessExport(s.actor, s.caseId),
  'partner.list': (s) => listPartners(s.actor, s.caseId),
  'partner.add': (s) => addPartner(s.actor, s.caseId, { organisationId: org.mitros, reason: 'Woonbegeleiding.' }),
  'partner.end': (s) => endPartner(s.actor, s.caseId, { partnerId: s.omPartnerId, reason: 'Klaar.' }),
  'partner.lead': (s) => setCaseLead(s.actor, s.caseId, { userId: ggzUserId, version: s.before.version }),
  'agreement.list': (s) => listCaseAgreements(s.actor, s.caseId),
  'agreement.create': (s) =>
    createAgreement(s.actor, s.caseId, { description: 'Nieuwe afspraak.', ownerOrganisationId: org.ggz, dueDate: DUE }),
  'agreement.update': (s) =>
    updateAgreement(s.actor, s.agreementId, { dueDate: LATER, dueDateReason: 'Wachtlijst.', version: 1 }),
  'agreement.log': (s) => logAction(s.actor, s.agreementId, { kind: 'voortgang', note: 'Gesprek gevoerd.' }),
};

const DUE = '2099-01-15';
const LATER = '2099-02-15';

/** The same action on a case that does not exist: a hidden case must be indistinguishable from it. */
const onMissingCase = (s: Situation): Situation => ({ ...s, caseId: randomUUID(), agreementId: randomUUID() });

/** What the database must look like after an allowed action. */
function expectedAfter(action: CaseAction, before: Snapshot): Snapshot {
  switch (action) {
    case 'case.update':
      return { ...before, goal: CHANGE_GOAL, version: before.version + 1 };
    case 'case.transition':
      return { ...before, status: 'monitoring', version: before.version + 1 };
    case 'partner.add':
      return { ...before, activePartners: [...before.activePartners, org.mitros].sort() };
    case 'partner.end':
      return {
        ...before,
        activePartners: before.activePartners.filter((id) => id !== org.om),
        endedPartners: [...before.endedPartners, org.om].sort(),
      };
    case 'partner.lead':
      return { ...before, caseLeadUserId: ggzUserId, version: before.version + 1 };
    case 'agreement.create':
      return { ...before, agreements: before.agreements + 1, agreementDueDates: [...before.agreementDueDates, DUE].sort() };
    case 'agreement.update':
      return { ...before, agreementDueDates: [LATER] };
    case 'agreement.log':
      return { ...before, progressEntries: before.progressEntries + 1 };
    default:
      return before;
  }
}

async function outcomeOf(work: Promise<unknown>): Promise<{ value?: unknown; error?: AppError }> {
  try {
    return { value: await work };
  } catch (error) {
    if (error instanceof AppError) return { error };
    throw error;
  }
}

const deniedRows = async (actor: Actor, action: CaseAction) =>
  (
    await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_log where user_id = ${actor.userId} and outcome = 'denied'
          and action = 'denied' and details->>'attempted' = ${action}`,
    )
  )[0]!.n;

const casesReferredBy = async (actor: Actor) => (await handle.db.$count(cases, eq(cases.referrerUserId, actor.userId)));

/**
 * The view each reader must get, as DESIGN.md and the brief name it — pinned here, not read from MATRIX,
 * so that a change of the matrix that would widen a view fails this test too.
 */
function expectedView(role: UserRole, relation: Relation): string {
  if (role === 'regisseur') return 'full';
  if (role === 'manager') return 'pseudonymised';
  if (role === 'professional' && relation === 'convened') return 'shared';
  if (role === 'professional' && relation === 'referrer') return 'receipt';
  return 'none';
}

/** What the caller received, per action, when the matrix allows it. */
async function assertAllowedResult(cell: Cell, s: Situation, value: unknown) {
  const text = JSON.stringify(value);
  const secrets = [s.subjectName, '1991-04-17', 'Matrixlaan', 'Geheime reden', 'Geheim doel'];
  switch (cell.action) {
    case 'case.view': {
      const view = value as { view: string; id: string; subject?: { name: string } };
      expect(view.id).toBe(s.caseId);
      expect(view.view).toBe(expectedView(cell.role, cell.relation));
      if (view.view === 'full' || view.view === 'shared') expect(view.subject?.name).toBe(s.subjectName);
      // The receipt and the pseudonymised view carry nothing about the person or their story.
      else for (const secret of secrets) expect(text).not.toContain(secret);
      const [logged] = await queryRows<{ view: string }>(
        handle.db,
        sql`select details->>'view' as view from audit_log where action = 'view' and case_id = ${s.caseId}
            and user_id = ${s.actor.userId} order by id desc limit 1`,
      );
      expect(logged?.view).toBe(view.view);
      break;
    }
    case 'case.list': {
      const { items } = value as { items: { id: string; subjectName?: string }[] };
      const item = items.find((i) => i.id === s.caseId);
      // A professional's list shows the cases their organisation is convened to, and only those.
      const listed = cell.role !== 'professional' || cell.relation === 'convened';
      expect(Boolean(item)).toBe(listed);
      if (item && cell.role === 'manager') {
        expect(item).not.toHaveProperty('subjectName');
        expect(text).not.toContain(s.subjectName);
      } else if (item) {
        expect(item.subjectName).toBe(s.subjectName);
      }
      break;
    }
    case 'case.create': {
      expect(value).toMatchObject({ status: 'aangemeld', number: expect.stringMatching(/^ZVH-\d{4}-\d{4}$/) });
      break;
    }
    case 'case.audit': {
      const rows = value as { action: string; caseNumber: string | null }[];
      expect(rows.map((r) => r.action)).toContain('create');
      expect(new Set(rows.map((r) => r.caseNumber))).toEqual(new Set([s.number]));
      break;
    }
    case 'case.subjectAccess': {
      const exported = value as { subject: { name: string }; cases: { number: string }[] };
      expect(exported.subject.name).toBe(s.subjectName);
      expect(exported.cases.map((c) => c.number)).toEqual([s.number]);
      break;
    }
    case 'partner.list': {
      const rows = value as { organisationId: string; reason?: string }[];
      expect(rows.map((r) => r.organisationId)).toEqual(expect.arrayContaining([org.om, org.ggz]));
      if (cell.role === 'manager') {
        expect(cell.decision).toBe('pseudonymised');
        expect(rows.every((r) => r.reason === undefined)).toBe(true);
        expect(text).not.toContain('Vervolging loopt');
      } else {
        expect(rows.find((r) => r.organisationId === org.om)?.reason).toBe('Vervolging loopt.');
      }
      break;
    }
    case 'agreement.list': {
      const rows = value as { id: string; description: string }[];
      expect(rows.map((r) => r.id)).toEqual([s.agreementId]);
      if (cell.role === 'manager') expect(text).not.toContain('Geheime afspraak');
      else expect(rows[0]!.description).toBe('Geheime afspraak voor de matrixtest.');
      break;
    }
    default:
      expect(value).toBeTruthy();
  }
}

describe.each(ROLES)('permission matrix: %s', (role) => {
  describe.each([...CASE_ACTIONS])('%s', (action) => {
    it.each(RELATIONS.map((relation) => ({ relation, decision: MATRIX[role][action][relation] })))(
      '$relation → $decision',
      async ({ relation, decision }) => {
        const cell: Cell = { role, action, relation, decision };
        const s = await situation(role, relation);
        const denialsBefore = await deniedRows(s.actor, action);
        const referredBefore = await casesReferredBy(s.actor);

        const { value, error } = await outcomeOf(PERFORM[action](s));

        if (isDenied(decision)) {
          expect(error?.code, `${role} ${action} (${relation}) must be refused`).toBe(
            decision === 'hidden' ? 'NOT_FOUND' : 'FORBIDDEN',
          );
          // Nothing changed, and the refusal is on record.
          expect(await snapshot(s.caseId)).toEqual(s.before);
          expect(await casesReferredBy(s.actor)).toBe(referredBefore);
          expect(await deniedRows(s.actor, action)).toBe(denialsBefore + 1);
          if (action !== 'case.list' && action !== 'case.create') {
            const [row] = await queryRows<{ entityId: string; outcome: string }>(
              handle.db,
              sql`select entity_id as "entityId", outcome from audit_log where user_id = ${s.actor.userId}
                  order by id desc limit 1`,
            );
            // An attempt on an agreement is logged as one (against its case), like one on a missing agreement.
            const onAgreement = action === 'agreement.update' || action === 'agreement.log';
            expect(row).toEqual({ entityId: onAgreement ? s.agreementId : s.caseId, outcome: 'denied' });
          }
          if (decision === 'hidden') {
            // 404 exactly as for a case that does not exist, so the answer does not reveal the case.
            const missing = await outcomeOf(PERFORM[action](onMissingCase(s)));
            expect({ code: error?.code, message: error?.message }).toEqual({
              code: missing.error?.code,
              message: missing.error?.message,
            });
          }
          return;
        }

        expect(error, `${role} ${action} (${relation}) must be allowed`).toBeUndefined();
        await assertAllowedResult(cell, s, value);
        expect(await snapshot(s.caseId)).toEqual(expectedAfter(action, s.before));
        expect(await casesReferredBy(s.actor)).toBe(referredBefore + (action === 'case.create' ? 1 : 0));
        expect(await deniedRows(s.actor, action)).toBe(denialsBefore);
      },
    );
  });
});

describe('the matrix itself', () => {
  it('decides every role of the database for every action and relation', () => {
    expect(new Set(ROLES)).toEqual(new Set(userRole.enumValues));
    for (const role of ROLES) {
      expect(Object.keys(MATRIX[role]).sort()).toEqual([...CASE_ACTIONS].sort());
      for (const action of CASE_ACTIONS) expect(Object.keys(MATRIX[role][action]).sort()).toEqual([...RELATIONS].sort());
    }
    expect(CELLS).toHaveLength(ROLES.length * CASE_ACTIONS.length * RELATIONS.length);
  });


  // What DESIGN.md promises, pinned independently of MATRIX: the generated tests prove that lib/ enforces
  // the matrix; these prove that the matrix still says what the design promises.
  const WRITES: CaseAction[] = [
    'case.update',
    'case.transition',
    'partner.add',
    'partner.end',
    'partner.lead',
    'agreement.create',
    'agreement.update',
  ];
  const CASE_BOUND = CASE_ACTIONS.filter((a) => a !== 'case.list' && a !== 'case.create');

  it('lets a regisseur do everything on every case of the house', () => {
    for (const action of CASE_ACTIONS) for (const relation of RELATIONS) expect(MATRIX.regisseur[action][relation]).toBe('allow');
  });

  it('shows an admin no case, not even that it exists', () => {
    for (const relation of RELATIONS) {
      expect(MATRIX.admin['case.list'][relation]).toBe('forbidden');
      expect(MATRIX.admin['case.create'][relation]).toBe('forbidden');
      for (const action of CASE_BOUND) expect(MATRIX.admin[action][relation]).toBe('hidden');
    }
  });

  it('answers 404, never 403, for a case a professional may not see', () => {
    for (const action of CASE_BOUND) expect(MATRIX.professional[action].none).toBe('hidden');
  });

  it('lets neither a professional nor a manager change a case, its partners or read its access log', () => {
    for (const action of [...WRITES, 'case.audit', 'case.subjectAccess'] as CaseAction[]) {
      for (const relation of RELATIONS) {
        expect(isDenied(MATRIX.professional[action][relation])).toBe(true);
        expect(isDenied(MATRIX.manager[action][relation])).toBe(true);
      }
    }
  });

  it('shows a manager facts only, and a referrer the receipt only', () => {
    for (const relation of RELATIONS) {
      for (const action of ['case.list', 'case.view', 'partner.list'] as CaseAction[]) {
        expect(MATRIX.manager[action][relation]).toBe('pseudonymised');
      }
    }
    expect(MATRIX.professional['case.view']).toEqual({ convened: 'shared', referrer: 'receipt', none: 'hidden' });
    expect(MATRIX.professional['partner.list'].referrer).toBe('hidden');
  });
});
