/**
 * The set-up of matrix.test.ts: the cells of the permission matrix, a fresh case per cell with the actor in
 * the relation the cell asks for, the lib function each action calls, and what the database must hold after.
 */
import { eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { queryRows } from '@/db/query';
import { agreements, casePartners, cases, organisations, type UserRole } from '@/db/schema';
import { useFreshDatabase as freshDatabase } from '@/db/testing';
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
import { CASE_ACTIONS, MATRIX, RELATIONS, type CaseAction, type Decision, type Relation } from './matrix';

export const ROLES = Object.keys(MATRIX) as UserRole[];

export interface Cell {
  role: UserRole;
  action: CaseAction;
  relation: Relation;
  decision: Decision;
}

export const CELLS: Cell[] = ROLES.flatMap((role) =>
  CASE_ACTIONS.flatMap((action) =>
    RELATIONS.map((relation) => ({ role, action, relation, decision: MATRIX[role][action][relation] })),
  ),
);


/** Who plays each role in each relation. Professionals differ per relation, so no cell borrows another's state. */
const ACTOR_OF: Record<UserRole, Record<Relation, string>> = {
  regisseur: { convened: 'regisseur', referrer: 'regisseur', none: 'regisseur' },
  manager: { convened: 'manager', referrer: 'manager', none: 'manager' },
  admin: { convened: 'admin', referrer: 'admin', none: 'admin' },
  // politie: convened now; gemeente: referred the case, not convened; reclassering: convened once, ended.
  professional: { convened: 'politie', referrer: 'gemeente', none: 'reclassering' },
  // Politie's partnerbeheerder: its organisation convened, its account the referrer, or neither.
  partnerbeheer: { convened: 'partnerbeheer.politie', referrer: 'partnerbeheer.politie', none: 'partnerbeheer.politie' },
};

/** What the case looks like in the database, read as the owner (no row-level security). */
export interface Snapshot {
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

export interface Situation {
  actor: Actor;
  caseId: string;
  number: string;
  subjectName: string;
  omPartnerId: string;
  agreementId: string;
  before: Snapshot;
}

export let handle: DbHandle;
export const actors: Record<string, Actor> = {};
export const org: Record<'om' | 'ggz' | 'mitros', string> = { om: '', ggz: '', mitros: '' };
export let ggzUserId: string;
export let serial = 0;

export const referral = (name: string): ReferralInput => ({
  subject: { name, birthDate: '1991-04-17', address: 'Matrixlaan 7, Utrecht' },
  municipalityCode: 'GM0344',
  targetGroup: 'overlast',
  criteria: { multiDomain: true, multiChain: true, household: false, localSafety: true },
  reason: 'Geheime reden van aanmelding voor de matrixtest.',
  goal: 'Geheim doel voor de matrixtest.',
  involvedPartners: null,
});

export async function openMatrixDatabase() {
  handle = await freshDatabase({ demo: true });
  const names = ['regisseur', 'manager', 'admin', 'politie', 'ggz', 'gemeente', 'reclassering', 'veiligthuis', 'partnerbeheer.politie'];
  const signedIn = await Promise.all(names.map((n) => signInAs(`${n}@example.org`)));
  names.forEach((n, i) => (actors[n] = signedIn[i]!));
  const orgs = await handle.db.select({ id: organisations.id, name: organisations.name }).from(organisations);
  const byName = (name: string) => orgs.find((o) => o.name === name)!.id;
  org.om = byName('Openbaar Ministerie Midden-Nederland');
  org.ggz = byName('Altrecht GGZ');
  org.mitros = byName('Mitros wonen');
  ggzUserId = actors.ggz!.userId;
}

export async function snapshot(caseId: string): Promise<Snapshot> {
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
export async function situation(role: UserRole, relation: Relation): Promise<Situation> {
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

export const CHANGE_GOAL = 'Doel gewijzigd door de matrixtest.';

/** Each action of the matrix mapped to the lib function that performs it. */
export const PERFORM: Record<CaseAction, (s: Situation) => Promise<unknown>> = {
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

export const DUE = '2099-01-15';
export const LATER = '2099-02-15';

/** The same action on a case that does not exist: a hidden case must be indistinguishable from it. */
export const onMissingCase = (s: Situation): Situation => ({ ...s, caseId: randomUUID(), agreementId: randomUUID() });

/** What the database must look like after an allowed action. */
export function expectedAfter(action: CaseAction, before: Snapshot): Snapshot {
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

export async function outcomeOf(work: Promise<unknown>): Promise<{ value?: unknown; error?: AppError }> {
  try {
    return { value: await work };
  } catch (error) {
    if (error instanceof AppError) return { error };
    throw error;
  }
}

export const deniedRows = async (actor: Actor, action: CaseAction) =>
  (
    await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from audit_log where user_id = ${actor.userId} and outcome = 'denied'
          and action = 'denied' and details->>'attempted' = ${action}`,
    )
  )[0]!.n;

export const casesReferredBy = async (actor: Actor) => (await handle.db.$count(cases, eq(cases.referrerUserId, actor.userId)));
