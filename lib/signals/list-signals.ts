import { and, asc, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { agreements, caseFacts, municipalities, organisations, signalEscalations, signals, users } from '@/db/schema';
import { COUNT_CAP, countUpTo } from '@/db/count-up-to';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import type { SignalRule } from '@/lib/stagnation/signal';
import { authorize } from '@/lib/access/policy';
import { assertSignalReader, canReadSignals } from './access';
import { levelName, levelNumber, type SignalLevelName, type SignalStatus } from './levels';
import { signalListQuerySchema, withoutBlanks, type SignalListQuery } from './schemas';
import { parseOrThrow } from '@/lib/validation/parse';
import type { SignalItem } from './signal-views';
import { badCursor, decodeCursor, encodeCursor, PAGE_SIZE } from '@/lib/pagination/cursor';
import { afterKey, asText, exactTime } from '@/lib/pagination/keyset';

/** The most an export or report reads at once; a list page reads PAGE_SIZE and goes on by cursor. */
export const SIGNAL_LIST_LIMIT = 500;

export type { SignalItem };

/** Parses filters from a URL or form; a bad value is a 422 with field errors. */
export function parseSignalQuery(raw: Record<string, unknown>): SignalListQuery {
  return parseOrThrow(signalListQuerySchema, withoutBlanks(raw));
}

function columns(actor: Actor) {
  // The pseudonymised view (managers) carries no free text.
  const regisseur = authorize(actor, 'signal.list') === 'allow';
  const hidden = sql<string | null>`null::text`;
  return {
    id: signals.id,
    rule: signals.rule,
    level: signals.level,
    status: signals.status,
    subjectType: signals.subjectType,
    subjectId: signals.subjectId,
    caseId: signals.caseId,
    caseNumber: caseFacts.number,
    targetGroup: caseFacts.targetGroup,
    municipalityName: municipalities.name,
    organisationId: signals.organisationId,
    organisationName: organisations.name,
    agreementDescription: regisseur ? agreements.description : hidden,
    since: signals.since,
    levelSince: signals.levelSince,
    message: signals.message,
    snoozedUntil: signals.snoozedUntil,
    snoozeReason: regisseur ? signals.snoozeReason : hidden,
    resolvedAt: signals.resolvedAt,
    resolvedByName: users.name,
    resolutionNote: regisseur ? signals.resolutionNote : hidden,
    autoResolved: signals.autoResolved,
    version: signals.version,
    createdAt: signals.createdAt,
  };
}

type Row = Awaited<ReturnType<typeof selectRows>>[number];
type Order = 'ladder' | 'resolved';

// The ladder ends in the id, so that a cursor names one place in it (signals_status_ladder_idx, drizzle/0038).
const orderOf = (order: Order) =>
  order === 'ladder' ? [desc(signals.level), asc(signals.since), asc(signals.id)] : [desc(signals.resolvedAt), asc(signals.key)];

function selectRows(tx: Tx, actor: Actor, where: SQL | undefined, order: Order) {
  return tx
    .select(columns(actor))
    .from(signals)
    .leftJoin(caseFacts, eq(caseFacts.id, signals.caseId))
    .leftJoin(municipalities, eq(municipalities.code, caseFacts.municipalityCode))
    .leftJoin(organisations, eq(organisations.id, signals.organisationId))
    .leftJoin(users, eq(users.id, signals.resolvedByUserId))
    .leftJoin(agreements, and(eq(signals.subjectType, 'agreement'), eq(agreements.id, signals.subjectId)))
    .where(where)
    .orderBy(...orderOf(order));
}

/**
 * The page's ids first, from signals alone in index order (signals_ladder_idx), then those rows with their
 * case, organisation and agreement: joined first, all 127,000 open signals of a national house were read
 * and joined to be cut to 500.
 */
async function selectSignals(tx: Tx, actor: Actor, where: SQL | undefined, limit: number, order: Order = 'ladder'): Promise<Row[]> {
  const ids = (await tx.select({ id: signals.id }).from(signals).where(where).orderBy(...orderOf(order)).limit(limit)).map((r) => r.id);
  return ids.length === 0 ? [] : selectRows(tx, actor, inArray(signals.id, ids), order);
}

function toItem(row: Row): SignalItem {
  return {
    ...row,
    rule: row.rule as SignalRule,
    subjectType: row.subjectType as SignalItem['subjectType'],
    level: levelName(row.level),
  };
}

function conditions(query: SignalListQuery): SQL | undefined {
  return and(
    eq(signals.status, query.status),
    query.rule ? eq(signals.rule, query.rule) : undefined,
    query.level ? eq(signals.level, levelNumber(query.level)) : undefined,
    query.minLevel ? gte(signals.level, levelNumber(query.minLevel)) : undefined,
    query.case ? eq(signals.caseId, query.case) : undefined,
    query.organisation ? eq(signals.organisationId, query.organisation) : undefined,
  );
}

/**
 * Signals by the filters (default: the open ones), highest level first, then the oldest. Regisseurs and
 * managers only (managers without free text); anyone else gets 404.
 */
export async function listSignals(
  actor: Actor,
  query: SignalListQuery,
  limit = PAGE_SIZE,
): Promise<{ items: SignalItem[]; total: number; capped: boolean; nextCursor: string | null }> {
  await assertSignalReader(actor, 'signal.list');
  const at = query.cursor ? decodeCursor(CURSOR_LIST, query.cursor, 3) : null;
  if (at && !/^\d$/.test(at[0]!)) throw badCursor();
  return asUser(actor.userId, async (tx) => {
    // The page's keys from signals alone, one row more than the page: it tells whether another follows.
    const keysWhere = (where: SQL | undefined) =>
      tx
        .select({ id: signals.id, level: asText(signals.level), since: exactTime(signals.since) })
        .from(signals)
        .where(and(conditions(query), where))
        .orderBy(...orderOf('ladder'))
        .limit(limit + 1);
    let keys = await keysWhere(at ? and(eq(signals.level, Number(at[0])), afterKey([signals.since, signals.id], [at[1]!, at[2]!], 'asc')) : undefined);
    // After the cursor: the rest of its level, then the levels below, each one range of the index. A single
    // row comparison over (-level, since, id) would need a negation, which is not leakproof: under row-level
    // security it could not be an index condition, and every open signal was read and sorted.
    if (at && keys.length <= limit) keys = [...keys, ...(await keysWhere(lt(signals.level, Number(at[0]))))].slice(0, limit + 1);
    const more = keys.length > limit;
    const shown = more ? keys.slice(0, limit) : keys;
    const rows = shown.length === 0 ? [] : await selectRows(tx, actor, inArray(signals.id, shown.map((k) => k.id)), 'ladder');
    const n = !query.cursor && !more ? rows.length : await countUpTo(tx, signals, conditions(query));
    const last = shown[shown.length - 1];
    const nextCursor = more && last ? encodeCursor(CURSOR_LIST, [last.level, last.since, last.id]) : null;
    return { items: rows.map(toItem), total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP, nextCursor };
  });
}

const CURSOR_LIST = 'signals';

/**
 * Signals by id whatever their status: the ones acted on while working through the list, shown in their
 * place, marked, until the page is loaded afresh. Same readers and columns as the list.
 */
export async function listSignalsByIds(actor: Actor, ids: string[]): Promise<SignalItem[]> {
  await assertSignalReader(actor, 'signal.list');
  if (ids.length === 0) return [];
  return asUser(actor.userId, async (tx) => (await selectRows(tx, actor, inArray(signals.id, ids), 'ladder')).map(toItem));
}

export interface SignalGroup {
  /** Null for signals about a partner organisation as a whole (they span cases). */
  caseId: string | null;
  caseNumber: string | null;
  targetGroup: string | null;
  municipalityName: string | null;
  signals: SignalItem[];
}

/** Groups a list by case, keeping its order: the case with the most escalated signal comes first. */
export function groupByCase(items: SignalItem[]): SignalGroup[] {
  const groups = new Map<string, SignalGroup>();
  for (const item of items) {
    const key = item.caseId ?? `organisation:${item.organisationId ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { caseId: item.caseId, caseNumber: item.caseNumber, targetGroup: item.targetGroup, municipalityName: item.municipalityName, signals: [] };
      groups.set(key, group);
    }
    group.signals.push(item);
  }
  return [...groups.values()];
}

export interface EscalationStep {
  level: SignalLevelName;
  at: Date;
}

async function escalationsOf(tx: Tx, signalIds: string[]): Promise<Map<string, EscalationStep[]>> {
  const out = new Map<string, EscalationStep[]>();
  if (signalIds.length === 0) return out;
  const rows = await tx
    .select({ signalId: signalEscalations.signalId, level: signalEscalations.level, at: signalEscalations.at })
    .from(signalEscalations)
    .where(inArray(signalEscalations.signalId, signalIds))
    .orderBy(asc(signalEscalations.at), asc(signalEscalations.level));
  for (const row of rows) {
    const list = out.get(row.signalId) ?? [];
    list.push({ level: levelName(row.level), at: row.at });
    out.set(row.signalId, list);
  }
  return out;
}

/** The escalation steps of one signal, oldest first (the signal itself starts at the regisseur). */
export async function signalEscalationHistory(actor: Actor, signalId: string): Promise<EscalationStep[]> {
  await assertSignalReader(actor, 'signal.history');
  return asUser(actor.userId, async (tx) => (await escalationsOf(tx, [signalId])).get(signalId) ?? []);
}

export interface CaseSignals {
  /** Open and snoozed signals of the case. */
  current: SignalItem[];
  /** The most recently resolved ones (by the regisseur or because the cause went away). */
  resolved: SignalItem[];
  /** Escalation steps per signal id. */
  escalations: Map<string, EscalationStep[]>;
}

const RESOLVED_SHOWN = 10;

/**
 * The signals of one case for the case page, with their escalation history; null for a role that does
 * not see signals (the page shows nothing then). The caller has checked that the actor may see the case.
 */
export async function caseSignals(actor: Actor, caseId: string): Promise<CaseSignals | null> {
  if (!canReadSignals(actor)) return null;
  return asUser(actor.userId, (tx) => caseSignalsIn(tx, actor, caseId));
}

/** The same, in the caller's transaction (set for `actor`); null for a role that does not see signals. */
export async function caseSignalsIn(tx: Tx, actor: Actor, caseId: string): Promise<CaseSignals | null> {
  if (!canReadSignals(actor)) return null;
  const current = await selectSignals(tx, actor, and(eq(signals.caseId, caseId), ne(signals.status, 'resolved')), SIGNAL_LIST_LIMIT);
  const resolved = await selectSignals(tx, actor, and(eq(signals.caseId, caseId), eq(signals.status, 'resolved')), RESOLVED_SHOWN, 'resolved');
  const items = { current: current.map(toItem), resolved: resolved.map(toItem) };
  const escalations = await escalationsOf(tx, [...items.current, ...items.resolved].map((s) => s.id));
  return { ...items, escalations };
}

export interface SignalFilterOptions {
  cases: { id: string; number: string }[];
  organisations: { id: string; name: string }[];
}

/** The cases and organisations that have signals of this status: what the filters offer. */
export async function signalFilterOptions(actor: Actor, status: SignalStatus): Promise<SignalFilterOptions> {
  await assertSignalReader(actor, 'signal.list');
  return asUser(actor.userId, async (tx) => {
    const cases = await tx
      .selectDistinct({ id: caseFacts.id, number: caseFacts.number })
      .from(signals)
      .innerJoin(caseFacts, eq(caseFacts.id, signals.caseId))
      .where(eq(signals.status, status))
      .orderBy(asc(caseFacts.number))
      .limit(1000);
    const orgs = await tx
      .selectDistinct({ id: organisations.id, name: organisations.name })
      .from(signals)
      .innerJoin(organisations, eq(organisations.id, signals.organisationId))
      .where(eq(signals.status, status))
      .orderBy(asc(organisations.name));
    return { cases, organisations: orgs };
  });
}
