import { and, asc, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { queryTokens } from '@/lib/crypto/search-tokens';
import { alias } from 'drizzle-orm/pg-core';
import { caseFacts, casePartnerFacts, casePartners, cases, municipalities, users } from '@/db/schema';
import { COUNT_CAP, countUpTo } from '@/db/count-up-to';
import { queryRows } from '@/db/query';
import { EVERY_CASE } from '@/lib/dashboard/rollup-figures';
import { asUser } from '@/db/transaction';
import { enforceRateLimitIn } from '@/lib/auth/limited-read';
import type { Tx } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { assertAllowed, convenedTo } from './access';
import type { CaseListQuery } from './schemas';
import type { CaseListItem } from './case-views';
import { decodeCursor, encodeCursor, PAGE_SIZE } from '@/lib/pagination/cursor';
import { afterKey, asText, exactTime } from '@/lib/pagination/keyset';

export const DEFAULT_PAGE_SIZE = 25;

export type { CaseListItem };

const regisseur = alias(users, 'regisseur');

type Source = typeof cases | typeof caseFacts;

/**
 * A search's matches as the list's rows (drizzle/0048): app_search_cases finds them with the trigram index on
 * the number and the GIN index on the name tokens (row-level security would keep both out of reach, 0017)
 * and hands back the columns the list filters and sorts on, named as in cases, so they read like a table.
 */
const SEARCH_MATCH = 'search_match';
const match = alias(cases, SEARCH_MATCH);
type Filtered = Source | typeof match;

/** The ILIKE pattern for "contains q", its wildcards taken literally. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function matchesOf(q: string): SQL {
  // Names are encrypted: a name matches when the case holds the keyed token of every word searched for.
  return sql`app_search_cases(${containing(q)}, ${sql.param(queryTokens(q))}::text[]) as ${sql.identifier(SEARCH_MATCH)}`;
}

/** The filters other than the search term; `full`: the actor reads cases, not the pseudonymised facts. */
function filters(source: Filtered, query: CaseListQuery, full: boolean): SQL[] {
  const where: SQL[] = [];
  if (query.status) where.push(eq(source.status, query.status));
  if (query.targetGroup) where.push(eq(source.targetGroup, query.targetGroup));
  if (query.municipality) where.push(eq(source.municipalityCode, query.municipality));
  if (query.regisseur) where.push(eq(source.regisseurUserId, query.regisseur));
  if (query.partner) {
    const partners = full ? casePartners : casePartnerFacts;
    where.push(sql`exists (select 1 from ${partners} where ${partners.caseId} = ${source.id}
      and ${partners.organisationId} = ${query.partner} and ${partners.endedAt} is null)`);
  }
  // Pseudonymised facts hold no name: a manager's search is by number only.
  if (query.q && !full) where.push(ilike(source.number, containing(query.q)));
  return where;
}

/** The sort column, its direction and its value as the cursor carries it; the id breaks ties, the same way. */
function orderKey(source: Filtered, query: CaseListQuery) {
  const sort = query.sort ?? 'updated';
  const column = { number: source.number, created: source.createdAt, updated: source.updatedAt, status: source.status }[sort];
  const dir: 'asc' | 'desc' = query.dir ?? (sort === 'number' ? 'asc' : 'desc');
  const text = sort === 'created' || sort === 'updated' ? exactTime(column as typeof source.createdAt) : asText(column);
  return { list: `cases:${sort}:${dir}`, columns: [column, source.id] as const, dir, text };
}

function ordering(source: Filtered, query: CaseListQuery) {
  const { columns, dir } = orderKey(source, query);
  return columns.map((c) => (dir === 'asc' ? asc(c) : desc(c)));
}

/** Filters the case-status rollup also has: a list filtered on these alone is counted from it. */
const countedByRollup = (query: CaseListQuery) => !query.q && !query.regisseur && !query.partner;

/**
 * For those who see every case (regisseur, manager), the count of a filter on status, target group and
 * municipality is the sum of the case-status rollup the writes keep in their own transaction: a handful of
 * rows instead of an index entry per case (lib/cases/list-count.test.ts holds it to the cases themselves).
 */
async function countFromRollup(tx: Tx, query: CaseListQuery): Promise<number> {
  const where = [sql`organisation_id = ${EVERY_CASE}`];
  if (query.status) where.push(sql`status = ${query.status}`);
  if (query.targetGroup) where.push(sql`target_group = ${query.targetGroup}`);
  if (query.municipality) where.push(sql`municipality_code = ${query.municipality}`);
  const [row] = await queryRows<{ n: number }>(tx, sql`select coalesce(sum(n), 0)::int as n from dashboard_case_status where ${sql.join(where, sql` and `)}`);
  return row?.n ?? 0;
}

export interface CaseListResult {
  items: CaseListItem[];
  /** At most the count cap (db/count-up-to.ts); `capped` says there are more. */
  total: number;
  capped: boolean;
  /** The position after this page (lib/pagination/cursor.ts): pass it as `cursor` for the next; null on the last. */
  nextCursor: string | null;
}

/** The columns of a list row: from cases or, pseudonymised, from case_facts without the name. */
function rowColumns(source: Source, query: CaseListQuery) {
  return {
    cursorKey: orderKey(source, query).text,
    id: source.id,
    number: source.number,
    status: source.status,
    targetGroup: source.targetGroup,
    municipalityCode: source.municipalityCode,
    municipalityName: municipalities.name,
    ...(source === cases ? { subjectName: cases.subjectName } : {}),
    regisseurName: regisseur.name,
    pauseReason: source.pauseReason,
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
  };
}

/** One page of the list (a manager's search by number counts its matches in the same pass). */
function selectPage(tx: Tx, source: Source, where: SQL | undefined, query: CaseListQuery, page: { size: number; offset: number }) {
  return tx
    .select({ ...rowColumns(source, query), ...(query.q ? { matches: sql<number>`count(*) over ()`.mapWith(Number) } : {}) })
    .from(source)
    .innerJoin(municipalities, eq(municipalities.code, source.municipalityCode))
    .leftJoin(regisseur, eq(regisseur.id, source.regisseurUserId))
    .where(where)
    .orderBy(...ordering(source, query))
    .limit(page.size)
    .offset(page.offset);
}

/**
 * A search's page: its matches filtered, counted, sorted and cut to the page on the search function's own
 * rows, then only the page's cases read (under row-level security) with their municipality and regisseur.
 * The count rides along: the search finds and sorts every match for the page anyway, where a count of its
 * own would find them all again (lib/cases/list-count.test.ts).
 */
function selectSearchPage(tx: Tx, q: string, where: SQL | undefined, query: CaseListQuery, page: { size: number; offset: number }) {
  const keys = tx
    // The function is no table Drizzle knows, so it would select its column unqualified, as plain "id".
    .select({ caseId: sql<string>`${sql.identifier(SEARCH_MATCH)}.${sql.identifier('id')}`.as('case_id'), matches: sql<number>`count(*) over ()`.as('matches') })
    .from(matchesOf(q))
    .where(where)
    .orderBy(...ordering(match, query))
    .limit(page.size)
    .offset(page.offset)
    .as('page_keys');
  return tx
    .select({ ...rowColumns(cases, query), matches: sql<number>`${keys.matches}`.mapWith(Number) })
    .from(keys)
    .innerJoin(cases, eq(cases.id, keys.caseId))
    .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
    .leftJoin(regisseur, eq(regisseur.id, cases.regisseurUserId))
    .orderBy(...ordering(cases, query));
}

/**
 * The case list with server-side filters, search, sorting and pagination. Regisseurs see all cases,
 * professionals those their organisation is convened to, managers pseudonymised facts only. With
 * `limitSearch` (the page and the API) a search term counts against the user's search limit (429).
 */
export async function listCases(
  actor: Actor,
  query: CaseListQuery,
  { countCap = COUNT_CAP, limitSearch = false }: { countCap?: number; limitSearch?: boolean } = {},
): Promise<CaseListResult> {
  const decision = await assertAllowed(actor, 'case.list');
  const pseudonymised = decision === 'pseudonymised';
  const source: Source = pseudonymised ? caseFacts : cases;
  // A search by name (or number) reads the search function's rows; a manager's, by number, the facts.
  const search = query.q && !pseudonymised ? query.q : undefined;
  const filtered: Filtered = search ? match : source;
  // A search by name shows 50 at a time; by cursor, the page goes on from the last row shown (no offset).
  const size = query.pageSize ?? (query.q ? PAGE_SIZE : DEFAULT_PAGE_SIZE);
  const key = orderKey(filtered, query);
  const after = query.cursor ? afterKey(key.columns, decodeCursor(key.list, query.cursor, 2), key.dir) : undefined;
  const page = { size: size + 1, offset: query.cursor ? 0 : ((query.page ?? 1) - 1) * size };
  return asUser(actor.userId, async (tx) => {
    const where = and(
      ...filters(filtered, query, !pseudonymised),
      // The partner's list: the cases the organisation is convened to.
      ...(decision === 'shared' ? [convenedTo(actor, filtered.id)] : []),
    );
    const rows = search
      ? await selectSearchPage(tx, search, and(where, after), query, page)
      : await selectPage(tx, source, and(where, after), query, page);
    // One row more than the page tells whether another follows.
    const more = rows.length > size;
    const items: CaseListItem[] = rows.slice(0, size).map((row) => {
      const { cursorKey, matches, ...item } = row as typeof row & { matches?: number };
      void cursorKey;
      void matches;
      return item;
    });
    const last = rows[size - 1];
    // A first page that is not full holds every match: no count needed (most name searches end there).
    const counted = !query.cursor && rows[0] && 'matches' in rows[0] ? rows[0].matches : undefined;
    const n =
      page.offset === 0 && !query.cursor && !more
        ? items.length
        : counted !== undefined
          ? counted
          : decision !== 'shared' && countedByRollup(query)
            ? await countFromRollup(tx, query)
            : await countUpTo(tx, search ? matchesOf(search) : source, where, countCap);
    const nextCursor = more && last ? encodeCursor(key.list, [last.cursorKey, last.id]) : null;
    const result: CaseListResult = { items, total: Math.min(n, countCap), capped: n > countCap, nextCursor };
    const used = Object.entries(query)
      .filter(([key, value]) => value !== undefined && !['page', 'pageSize', 'sort', 'dir', 'cursor'].includes(key))
      .map(([key]) => key);
    // A search by name is how someone would fish for a person: limited per user, counted in this transaction
    // (a 429 rolls it back). Counted last: the update locks the user's counter row until the commit, and
    // taken first it made every other search of that user (another tab, search-as-you-type) wait for this one.
    if (limitSearch && query.q) await enforceRateLimitIn(tx, 'search');
    // The search term can be a name: the log keeps which filters were used and how many cases showed.
    await audit(tx, subjectOf(actor), {
      action: 'search',
      entity: 'case-list',
      details: { filters: used, total: result.total, capped: result.capped, shown: result.items.length },
    });
    return result;
  });
}

/** A professional's own referrals, with their triage outcome (the receipt view). */
export async function listMyReferrals(actor: Actor) {
  return asUser(actor.userId, (tx) =>
    tx
      .select({
        id: cases.id,
        number: cases.number,
        status: cases.status,
        triageDecision: cases.triageDecision,
        createdAt: cases.createdAt,
      })
      .from(cases)
      .where(eq(cases.referrerUserId, actor.userId))
      .orderBy(desc(cases.createdAt))
      .limit(50),
  );
}
