import { and, asc, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agreementActions, agreementDueChanges, agreementFacts, agreements, cases, meetings, organisations, users } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import type { Decision } from '@/lib/access/matrix';
import type { Actor } from '@/lib/actor';
import { withCase } from '@/lib/cases/access';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { forbidden } from '@/lib/errors';
import { withAgreement } from './access';
import type { MyAgreementsQuery } from './schemas';
import { oneByOne } from '@/db/one-by-one';
import { literalList } from '@/db/literal-list';
import type { AgreementHistory, AgreementRow } from './agreement-views';
import { isOpenAgreement, OPEN_AGREEMENT_STATUSES } from './statuses';
import { authorize, isRefused } from '@/lib/access/policy';

const owner = alias(users, 'owner_user');

const columns = {
  id: agreements.id,
  caseId: agreements.caseId,
  caseNumber: cases.number,
  description: agreements.description,
  ownerOrganisationId: agreements.ownerOrganisationId,
  ownerOrganisationName: organisations.name,
  ownerUserId: agreements.ownerUserId,
  ownerUserName: owner.name,
  dueDate: agreements.dueDate,
  originalDueDate: agreements.originalDueDate,
  dueDateMoves: agreements.dueDateMoves,
  status: agreements.status,
  blockedAt: agreements.blockedAt,
  blockedReason: agreements.blockedReason,
  completedAt: agreements.completedAt,
  completionNote: agreements.completionNote,
  lastProgressAt: agreements.lastProgressAt,
  createdAt: agreements.createdAt,
  version: agreements.version,
  closeReason: agreements.closeReason,
  closeNote: agreements.closeNote,
  // "Afgesproken in …": the meeting as far as the reader may see it (row-level security on meetings).
  meetingId: meetings.id,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
};

const overdueSql = (today: string) =>
  sql<boolean>`(${agreements.status} in (${literalList(OPEN_AGREEMENT_STATUSES)}) and ${agreements.dueDate} < ${today})`;

/** Overdue first, then open work, then the rest by due date: the order of a case's agreements. */
const byUrgency = (today: string) => [desc(overdueSql(today)), sql`${agreements.status} in (${literalList(OPEN_AGREEMENT_STATUSES)}) desc`, asc(agreements.dueDate)];

function selectAgreements(tx: Tx, where: SQL | undefined, today: string, order: SQL[] = byUrgency(today)) {
  return tx
    .select({ ...columns, overdue: overdueSql(today) })
    .from(agreements)
    .innerJoin(cases, eq(cases.id, agreements.caseId))
    .innerJoin(organisations, eq(organisations.id, agreements.ownerOrganisationId))
    .leftJoin(owner, eq(owner.id, agreements.ownerUserId))
    .leftJoin(meetings, eq(meetings.id, agreements.meetingId))
    .where(where)
    .orderBy(...order);
}

export type { AgreementRow };

const LIST_LIMIT = 500;

/**
 * "Mijn afspraken" for a professional (their organisation's agreements, or those named to them) and the
 * house's agreement list for a regisseur: open work by due date (so the overdue come first), then the
 * finished, most recent first.
 *
 * Each part is read in two steps: the ids of one page from agreements alone, then those rows with their
 * case and owner. In one join the planner, misled by the row-level security filters' estimates, starts
 * from the 17,000 cases a police force is convened to; from agreements alone it reads one index range
 * (agreements_owner_open_due_idx, agreements_open_due_idx) and checks each row's case once.
 * Which cases a professional sees is the agreements_select policy's filter here, for the same reason.
 */
export async function listAgreements(actor: Actor, query: MyAgreementsQuery = {}, now = new Date()): Promise<AgreementRow[]> {
  const outcome = authorize(actor, 'agreement.overview');
  if (isRefused(outcome)) throw forbidden();
  const today = todayInAmsterdam(now);
  return asUser(actor.userId, async (tx) => {
    const where: SQL[] = [];
    if (outcome === 'shared') {
      // An owner is always a professional of the owning organisation (createAgreement checks it).
      where.push(eq(agreements.ownerOrganisationId, actor.organisationId));
      if (query.owner === 'me') where.push(eq(agreements.ownerUserId, actor.userId));
    }
    if (query.overdue === 'true') where.push(overdueSql(today));
    const page = (status: SQL, order: 'asc' | 'desc', limit: number) => pageOf(tx, and(...where, status), order, limit, today);
    if (query.status) {
      const finished = !isOpenAgreement(query.status);
      return page(eq(agreements.status, query.status), finished ? 'desc' : 'asc', LIST_LIMIT);
    }
    const open = await page(inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]), 'asc', LIST_LIMIT);
    if (open.length === LIST_LIMIT || query.overdue === 'true') return open;
    return [...open, ...(await page(notInArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]), 'desc', LIST_LIMIT - open.length))];
  });
}

async function pageOf(tx: Tx, where: SQL | undefined, order: 'asc' | 'desc', limit: number, today: string): Promise<AgreementRow[]> {
  const byDue = [order === 'asc' ? asc(agreements.dueDate) : desc(agreements.dueDate), asc(agreements.id)];
  const ids = (await tx.select({ id: agreements.id }).from(agreements).where(where).orderBy(...byDue).limit(limit)).map((r) => r.id);
  if (ids.length === 0) return [];
  return selectAgreements(tx, inArray(agreements.id, ids), today, byDue);
}

/** The agreements of one case (the afsprakencheck and the case page). */
export async function listCaseAgreements(actor: Actor, caseId: unknown, options: { openOnly?: boolean } = {}, now = new Date()) {
  const today = todayInAmsterdam(now);
  return withCase(actor, caseId, 'agreement.list', (tx, { ref, decision }) => caseAgreementsOf(tx, ref.id, decision, today, options));
}

/** The same, in the caller's transaction, for a reader the matrix has given `decision` on 'agreement.list'. */
export async function caseAgreementsOf(
  tx: Tx,
  caseId: string,
  decision: Decision,
  today: string,
  options: { openOnly?: boolean } = {},
): Promise<AgreementRow[]> {
  if (decision === 'pseudonymised') return agreementFactsOf(tx, caseId, today);
  return selectAgreements(
    tx,
    and(eq(agreements.caseId, caseId), options.openOnly ? inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]) : undefined),
    today,
  );
}

/** Managers steer on facts: who owns it, by when, in which state; not what it says. */
async function agreementFactsOf(tx: Tx, caseId: string, today: string): Promise<AgreementRow[]> {
  const overdue = sql<boolean>`(${agreementFacts.status} in (${literalList(OPEN_AGREEMENT_STATUSES)}) and ${agreementFacts.dueDate} < ${today})`;
  const rows = await tx
    .select({
      id: agreementFacts.id,
      caseId: agreementFacts.caseId,
      ownerOrganisationId: agreementFacts.ownerOrganisationId,
      ownerOrganisationName: organisations.name,
      dueDate: agreementFacts.dueDate,
      originalDueDate: agreementFacts.originalDueDate,
      dueDateMoves: agreementFacts.dueDateMoves,
      status: agreementFacts.status,
      blockedAt: agreementFacts.blockedAt,
      completedAt: agreementFacts.completedAt,
      lastProgressAt: agreementFacts.lastProgressAt,
      createdAt: agreementFacts.createdAt,
      closeReason: agreementFacts.closeReason,
      overdue,
    })
    .from(agreementFacts)
    .innerJoin(organisations, eq(organisations.id, agreementFacts.ownerOrganisationId))
    .where(eq(agreementFacts.caseId, caseId))
    .orderBy(desc(overdue), asc(agreementFacts.dueDate));
  return rows.map((r) => ({
    ...r,
    caseNumber: '',
    description: '',
    ownerUserId: null,
    ownerUserName: null,
    blockedReason: null,
    completionNote: null,
    version: 0,
    closeReason: r.closeReason,
    closeNote: null,
    meetingId: null,
    meetingTitle: null,
    meetingStartsAt: null,
  }));
}

/** Progress entries and due-date changes of one agreement, newest first. */
export async function agreementHistory(actor: Actor, agreementId: unknown): Promise<AgreementHistory> {
  return withAgreement(actor, agreementId, 'agreement.list', async (tx, { agreementId: id, decision }) => {
    if (decision === 'pseudonymised') return { actions: [], dueChanges: [] };
    return (await historiesOf(tx, [id])).get(id)!;
  });
}

const actionsOf = (tx: Tx, agreementIds: string[]) =>
  tx
    .select({
      agreementId: agreementActions.agreementId,
      id: agreementActions.id,
      kind: agreementActions.kind,
      note: agreementActions.note,
      // As they were when the entry was written (drizzle/0022), not as the account is named today.
      authorName: agreementActions.authorName,
      organisationName: agreementActions.authorOrganisationName,
      createdAt: agreementActions.createdAt,
    })
    .from(agreementActions)
    .where(inArray(agreementActions.agreementId, agreementIds))
    .orderBy(desc(agreementActions.createdAt));

const dueChangesOf = (tx: Tx, agreementIds: string[]) =>
  tx
    .select({
      agreementId: agreementDueChanges.agreementId,
      fromDate: agreementDueChanges.fromDate,
      toDate: agreementDueChanges.toDate,
      reason: agreementDueChanges.reason,
      at: agreementDueChanges.at,
      changedByName: agreementDueChanges.changedByName,
    })
    .from(agreementDueChanges)
    .where(inArray(agreementDueChanges.agreementId, agreementIds))
    .orderBy(desc(agreementDueChanges.at));

/**
 * The histories of several agreements in two statements, whatever their number (the case page shows every
 * agreement with its history). The caller has checked that the actor may read them in full.
 */
export async function historiesOf(tx: Tx, agreementIds: string[]): Promise<Map<string, AgreementHistory>> {
  const out = new Map<string, AgreementHistory>(agreementIds.map((id) => [id, { actions: [], dueChanges: [] }]));
  if (agreementIds.length === 0) return out;
  const [actions, dueChanges] = await oneByOne([actionsOf(tx, agreementIds), dueChangesOf(tx, agreementIds)]);
  for (const { agreementId, ...action } of actions) out.get(agreementId)!.actions.push(action);
  for (const { agreementId, ...change } of dueChanges) out.get(agreementId)!.dueChanges.push(change);
  return out;
}
