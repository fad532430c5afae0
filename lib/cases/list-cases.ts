import { and, asc, count, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { queryTokens } from '@/lib/crypto/search-tokens';
import { alias } from 'drizzle-orm/pg-core';
import { caseFacts, casePartnerFacts, casePartners, cases, municipalities, users } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/sessions';
import { assertAllowed, convenedTo } from './access';
import type { CaseListQuery } from './schemas';

export const DEFAULT_PAGE_SIZE = 25;
/**
 * Counting stops here: an exact count of 140,000 closed cases costs a scan of all of them on every page,
 * and "more than 10,000" tells a regisseur just as well to filter. Pages go as far as the count.
 */
export const COUNT_CAP = 10_000;

export interface CaseListItem {
  id: string;
  number: string;
  status: (typeof cases.$inferSelect)['status'];
  targetGroup: (typeof cases.$inferSelect)['targetGroup'];
  municipalityCode: string;
  municipalityName: string;
  /** Absent in the pseudonymised list of a manager. */
  subjectName?: string;
  regisseurName: string | null;
  pauseReason: (typeof cases.$inferSelect)['pauseReason'];
  createdAt: Date;
  updatedAt: Date;
}

const regisseur = alias(users, 'regisseur');

type Source = typeof cases | typeof caseFacts;

function filters(source: Source, query: CaseListQuery, byName: boolean): SQL[] {
  const where: SQL[] = [];
  if (query.status) where.push(eq(source.status, query.status));
  if (query.targetGroup) where.push(eq(source.targetGroup, query.targetGroup));
  if (query.municipality) where.push(eq(source.municipalityCode, query.municipality));
  if (query.regisseur) where.push(eq(source.regisseurUserId, query.regisseur));
  if (query.partner) {
    const partners = byName ? casePartners : casePartnerFacts;
    where.push(sql`exists (select 1 from ${partners} where ${partners.caseId} = ${source.id}
      and ${partners.organisationId} = ${query.partner} and ${partners.endedAt} is null)`);
  }
  if (query.q) {
    const term = query.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    const byNumber = ilike(source.number, `%${term}%`);
    // Names are encrypted: a name matches when the case holds the keyed token of every word searched for.
    // Row-level security would keep both indexes out of reach (drizzle/0017): app_search_cases uses them.
    where.push(
      byName && 'subjectNameTokens' in source
        ? sql`${source.id} in (select app_search_cases(${`%${term}%`}, ${sql.param(queryTokens(query.q))}::text[]))`
        : byNumber,
    );
  }
  return where;
}

function ordering(source: Source, query: CaseListQuery) {
  const column = {
    number: source.number,
    created: source.createdAt,
    updated: source.updatedAt,
    status: source.status,
  }[query.sort ?? 'updated'];
  const direction = query.dir ?? (query.sort === 'number' ? 'asc' : 'desc');
  return [direction === 'asc' ? asc(column) : desc(column), asc(source.id)];
}

/**
 * The case list with server-side filters, search, sorting and pagination. Regisseurs see all cases,
 * professionals those their organisation is convened to, managers pseudonymised facts only.
 */
export interface CaseListResult {
  items: CaseListItem[];
  /** At most COUNT_CAP; `capped` says there are more. */
  total: number;
  capped: boolean;
}

/** A first page that is not full holds every match: no count needed (most name searches end there). */
async function cappedCount(tx: Tx, source: Source, where: SQL | undefined, cap: number, page: { offset: number; size: number; shown: number }) {
  if (page.offset === 0 && page.shown < page.size) return page.shown;
  const matches = tx.select({ one: sql`1`.as('one') }).from(source).where(where).limit(cap + 1).as('matches');
  const [row] = await tx.select({ n: count() }).from(matches);
  return row?.n ?? 0;
}

export async function listCases(actor: Actor, query: CaseListQuery, { countCap = COUNT_CAP } = {}): Promise<CaseListResult> {
  const resultOf = (items: CaseListItem[], n: number): CaseListResult => ({ items, total: Math.min(n, countCap), capped: n > countCap });
  const decision = await assertAllowed(actor, 'case.list');
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const offset = ((query.page ?? 1) - 1) * pageSize;
  return asUser(actor.userId, async (tx) => {
    let result: CaseListResult;
    if (decision === 'pseudonymised') {
      const where = and(...filters(caseFacts, query, false));
      const items = await tx
        .select({
          id: caseFacts.id,
          number: caseFacts.number,
          status: caseFacts.status,
          targetGroup: caseFacts.targetGroup,
          municipalityCode: caseFacts.municipalityCode,
          municipalityName: municipalities.name,
          regisseurName: regisseur.name,
          pauseReason: caseFacts.pauseReason,
          createdAt: caseFacts.createdAt,
          updatedAt: caseFacts.updatedAt,
        })
        .from(caseFacts)
        .innerJoin(municipalities, eq(municipalities.code, caseFacts.municipalityCode))
        .leftJoin(regisseur, eq(regisseur.id, caseFacts.regisseurUserId))
        .where(where)
        .orderBy(...ordering(caseFacts, query))
        .limit(pageSize)
        .offset(offset);
      result = resultOf(items, await cappedCount(tx, caseFacts, where, countCap, { offset, size: pageSize, shown: items.length }));
    } else {
      const where = and(
        ...filters(cases, query, true),
        ...(actor.role === 'professional' ? [convenedTo(actor, cases.id)] : []),
      );
      const items = await tx
        .select({
          id: cases.id,
          number: cases.number,
          status: cases.status,
          targetGroup: cases.targetGroup,
          municipalityCode: cases.municipalityCode,
          municipalityName: municipalities.name,
          subjectName: cases.subjectName,
          regisseurName: regisseur.name,
          pauseReason: cases.pauseReason,
          createdAt: cases.createdAt,
          updatedAt: cases.updatedAt,
        })
        .from(cases)
        .innerJoin(municipalities, eq(municipalities.code, cases.municipalityCode))
        .leftJoin(regisseur, eq(regisseur.id, cases.regisseurUserId))
        .where(where)
        .orderBy(...ordering(cases, query))
        .limit(pageSize)
        .offset(offset);
      result = resultOf(items, await cappedCount(tx, cases, where, countCap, { offset, size: pageSize, shown: items.length }));
    }
    const used = Object.entries(query)
      .filter(([key, value]) => value !== undefined && !['page', 'pageSize', 'sort', 'dir'].includes(key))
      .map(([key]) => key);
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
