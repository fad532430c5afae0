import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { agreementActions, agreementDueChanges, agreementFacts, agreements, cases, organisations, users } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { convenedTo, withCase } from '@/lib/cases/access';
import { todayInAmsterdam } from '@/lib/cases/schemas';
import { forbidden } from '@/lib/http/errors';
import { withAgreement } from './access';
import type { MyAgreementsQuery } from './schemas';
import { oneByOne } from '@/db/one-by-one';

const owner = alias(users, 'owner_user');
const OPEN = ['open', 'in_uitvoering'] as const;

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
};

const overdueSql = (today: string) =>
  sql<boolean>`(${agreements.status} in ('open', 'in_uitvoering') and ${agreements.dueDate} < ${today})`;

function selectAgreements(tx: Tx, where: SQL | undefined, today: string) {
  return tx
    .select({ ...columns, overdue: overdueSql(today) })
    .from(agreements)
    .innerJoin(cases, eq(cases.id, agreements.caseId))
    .innerJoin(organisations, eq(organisations.id, agreements.ownerOrganisationId))
    .leftJoin(owner, eq(owner.id, agreements.ownerUserId))
    .where(where)
    .orderBy(desc(overdueSql(today)), sql`${agreements.status} in ('open', 'in_uitvoering') desc`, asc(agreements.dueDate));
}

export type AgreementRow = Awaited<ReturnType<typeof selectAgreements>>[number];

/**
 * "Mijn afspraken" for a professional (their organisation's, or those named to them) and the house's
 * agreement list for a regisseur: overdue first, then by due date.
 */
export async function listAgreements(actor: Actor, query: MyAgreementsQuery = {}, now = new Date()): Promise<AgreementRow[]> {
  if (actor.role !== 'professional' && actor.role !== 'regisseur') throw forbidden();
  const today = todayInAmsterdam(now);
  return asUser(actor.userId, async (tx) => {
    const where: SQL[] = [];
    if (actor.role === 'professional') {
      where.push(convenedTo(actor, agreements.caseId));
      where.push(
        query.owner === 'me'
          ? eq(agreements.ownerUserId, actor.userId)
          : or(eq(agreements.ownerOrganisationId, actor.organisationId), eq(agreements.ownerUserId, actor.userId))!,
      );
    }
    if (query.status) where.push(eq(agreements.status, query.status));
    if (query.overdue === 'true') where.push(overdueSql(today));
    return selectAgreements(tx, and(...where), today).limit(500);
  });
}

/** The agreements of one case (the afsprakencheck and the case page). */
export async function listCaseAgreements(actor: Actor, caseId: unknown, options: { openOnly?: boolean } = {}, now = new Date()) {
  const today = todayInAmsterdam(now);
  return withCase(actor, caseId, 'agreement.list', async (tx, { ref, decision }) => {
    if (decision === 'pseudonymised') return agreementFactsOf(tx, ref.id, today);
    const rows: AgreementRow[] = await selectAgreements(
      tx,
      and(eq(agreements.caseId, ref.id), options.openOnly ? inArray(agreements.status, [...OPEN]) : undefined),
      today,
    );
    return rows;
  });
}

/** Managers steer on facts: who owns it, by when, in which state; not what it says. */
async function agreementFactsOf(tx: Tx, caseId: string, today: string): Promise<AgreementRow[]> {
  const overdue = sql<boolean>`(${agreementFacts.status} in ('open', 'in_uitvoering') and ${agreementFacts.dueDate} < ${today})`;
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
  }));
}

const author = alias(users, 'author');
const authorOrg = alias(organisations, 'author_org');

/** Progress entries and due-date changes of one agreement, newest first. */
export async function agreementHistory(actor: Actor, agreementId: unknown) {
  return withAgreement(actor, agreementId, 'agreement.list', async (tx, { agreementId: id, decision }) => {
    if (decision === 'pseudonymised') return { actions: [], dueChanges: [] };
    const [actions, dueChanges] = await oneByOne([
      tx
        .select({
          id: agreementActions.id,
          kind: agreementActions.kind,
          note: agreementActions.note,
          authorName: author.name,
          organisationName: authorOrg.name,
          createdAt: agreementActions.createdAt,
        })
        .from(agreementActions)
        .innerJoin(author, eq(author.id, agreementActions.authorUserId))
        .innerJoin(authorOrg, eq(authorOrg.id, agreementActions.authorOrganisationId))
        .where(eq(agreementActions.agreementId, id))
        .orderBy(desc(agreementActions.createdAt)),
      tx
        .select({
          fromDate: agreementDueChanges.fromDate,
          toDate: agreementDueChanges.toDate,
          reason: agreementDueChanges.reason,
          at: agreementDueChanges.at,
          changedByName: users.name,
        })
        .from(agreementDueChanges)
        .innerJoin(users, eq(users.id, agreementDueChanges.changedByUserId))
        .where(eq(agreementDueChanges.agreementId, id))
        .orderBy(desc(agreementDueChanges.at)),
    ]);
    return { actions, dueChanges };
  });
}
