import { and, asc, desc, eq, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
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
import { queryRows } from '@/db/query';
import { agreementStatus } from '@/db/enums';
import { literalList } from '@/db/literal-list';
import type { AgreementHistory, AgreementRow } from './agreement-views';
import { isOpenAgreement, OPEN_AGREEMENT_STATUSES } from './statuses';
import { authorize, isRefused } from '@/lib/access/policy';
import { COUNT_CAP, countUpTo } from '@/db/count-up-to';
import { badCursor, decodeCursor, encodeCursor, PAGE_SIZE } from '@/lib/pagination/cursor';
import { afterKey } from '@/lib/pagination/keyset';

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

export interface AgreementPage {
  items: AgreementRow[];
  /** All that match, counted up to the cap (db/count-up-to.ts); `capped` says there are more. */
  total: number;
  capped: boolean;
  /** The position after this page (lib/pagination/cursor.ts); null on the last page. */
  nextCursor: string | null;
}

/** The two parts of the list, in this order: open work by due date (overdue first), then the finished, latest first. */
interface Part {
  n: '0' | '1';
  status: SQL;
  dir: 'asc' | 'desc';
}
const OPEN_PART: Part = { n: '0', status: inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]), dir: 'asc' };
const DONE_PART: Part = { n: '1', status: notInArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]), dir: 'desc' };
const CURSOR_LIST = 'agreements';

/**
 * A partner's own list counts to a thousand, not to the cap of the house's lists: counting costs a row per
 * agreement (10,000 rows took 12 ms at 200,000 cases, a thousand 2 ms), and "more than 1,000" tells a
 * professional as much as a larger number would.
 */
export const OWN_COUNT_CAP = 1_000;

function partsOf(query: MyAgreementsQuery): Part[] {
  if (query.status) {
    const part = isOpenAgreement(query.status) ? OPEN_PART : DONE_PART;
    return [{ ...part, status: eq(agreements.status, query.status) }];
  }
  return query.overdue === 'true' ? [OPEN_PART] : [OPEN_PART, DONE_PART];
}

/**
 * "Mijn afspraken" for a professional (their organisation's agreements, or those named to them) and the
 * house's agreement list for a regisseur: open work by due date (so the overdue come first), then the
 * finished, most recent first; one page of `limit` at a time, the next from `query.cursor` on.
 *
 * The page's ids come from agreements alone, by keyset in index order (drizzle/0038: owner, due date, id,
 * per part), then those rows with their case and owner. In one join the planner, misled by the row-level
 * security filters' estimates, starts from the 17,000 cases a police force is convened to.
 * Which cases a professional sees is the agreements_select policy's filter here, for the same reason.
 */
export async function listAgreementPage(
  actor: Actor,
  query: MyAgreementsQuery & { cursor?: string } = {},
  now = new Date(),
  limit = PAGE_SIZE,
): Promise<AgreementPage> {
  const outcome = authorize(actor, 'agreement.overview');
  if (isRefused(outcome)) throw forbidden();
  const today = todayInAmsterdam(now);
  const parts = partsOf(query);
  const at = query.cursor ? decodeCursor(CURSOR_LIST, query.cursor, 3) : null;
  const first = at ? parts.findIndex((p) => p.n === at[0]) : 0;
  if (first < 0 || (at && !/^\d{4}-\d{2}-\d{2}$/.test(at[1]!))) throw badCursor();
  return asUser(actor.userId, async (tx) => {
    const where: SQL[] = [];
    if (outcome === 'shared') {
      // An owner is always a professional of the owning organisation (createAgreement checks it).
      where.push(eq(agreements.ownerOrganisationId, actor.organisationId));
      if (query.owner === 'me') where.push(eq(agreements.ownerUserId, actor.userId));
    }
    if (query.overdue === 'true') where.push(overdueSql(today));
    // One row more than the page tells whether another follows.
    const keys: { part: Part['n']; id: string; due: string }[] = [];
    for (const part of parts.slice(first)) {
      if (keys.length > limit) break;
      const after = at && part.n === at[0] ? afterKey([agreements.dueDate, agreements.id], [at[1]!, at[2]!], part.dir) : undefined;
      const by = part.dir === 'asc' ? asc : desc;
      const found = await tx
        .select({ id: agreements.id, due: agreements.dueDate })
        .from(agreements)
        .where(and(...where, part.status, after))
        .orderBy(by(agreements.dueDate), by(agreements.id))
        .limit(limit + 1 - keys.length);
      keys.push(...found.map((k) => ({ ...k, part: part.n })));
    }
    const more = keys.length > limit;
    const shown = keys.slice(0, limit);
    const rows = shown.length === 0 ? [] : await selectAgreements(tx, inArray(agreements.id, shown.map((k) => k.id)), today, [asc(agreements.id)]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    // Rows hidden by row-level security between the two reads drop out; the order is the keys'.
    const items = shown.flatMap((k) => byId.get(k.id) ?? []);
    const n =
      !at && !more
        ? items.length
        : outcome === 'shared'
          ? await countOwn(tx, actor, query, today)
          : await countUpTo(tx, agreements, and(...where, or(...parts.map((p) => p.status))));
    const last = shown[shown.length - 1];
    const cap = outcome === 'shared' ? OWN_COUNT_CAP : COUNT_CAP;
    return {
      items,
      total: Math.min(n, cap),
      capped: n > cap,
      nextCursor: more && last ? encodeCursor(CURSOR_LIST, [last.part, last.due, last.id]) : null,
    };
  });
}

/**
 * A partner's count, by the rule of the agreements_select policy written as a join the planner can drive
 * from the index (drizzle/0046): under the policy itself it hashed every membership of the organisation and
 * read a heap row per agreement, 24 ms at 200,000 cases. The same filters as `partsOf` and the list's `where`.
 */
async function countOwn(tx: Tx, actor: Actor, query: MyAgreementsQuery, today: string): Promise<number> {
  const overdue = query.overdue === 'true';
  // Overdue is open work past its date, whatever status was asked for besides (overdueSql).
  const statuses = (query.status ? [query.status] : agreementStatus.enumValues).filter((s) => !overdue || isOpenAgreement(s));
  if (statuses.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select app_count_own_agreements(array[${literalList(statuses)}]::agreement_status[], ${query.owner === 'me' ? actor.userId : null}::uuid,
      ${overdue ? today : null}::date, ${OWN_COUNT_CAP}) as n`,
  );
  return row?.n ?? 0;
}

/** The first page of the list (the agreements of a partner or of the house), without its count. */
export async function listAgreements(actor: Actor, query: MyAgreementsQuery = {}, now = new Date()): Promise<AgreementRow[]> {
  return (await listAgreementPage(actor, query, now)).items;
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
