import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { caseFacts, municipalities, referralMatches, settings } from '@/db/schema';
import { queryRows } from '@/db/query';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import { enforce } from '@/lib/access/enforce';
import type { Actor } from '@/lib/actor';
import { signalFigures } from '@/lib/signals/dashboard-source';
import { notDoneByOwner } from './not-done';
import { resolveScope, type DashboardQuery, type DashboardScope } from './query';
import type { SignalSource } from './signals';
import type { Dashboard, KeyFigures, MunicipalityRow, PartnerRow } from './dashboard-view';
import { caseCount, medianOver, SMALL_CELL, SMALL_CELL_LIMIT, smallCellsFor, type CaseCount, type SmallCells } from './small-cells';
import { ACTIVE_CASE_STATUSES } from '@/lib/cases/statuses';
import { agreementFigures } from './agreement-figures';
import { casesWhere, nullableNumber, within } from './scope-sql';

/*
 * The managers' dashboard. Every number is an SQL aggregate computed by the database, as the signed-in
 * user (row-level security applies) and from the pseudonymised views only: case_facts and
 * agreement_facts (drizzle/0003, 0008), never cases or agreements. Definitions:
 * - active case: status actief or monitoring, now;
 * - new referral: a case created in the period;
 * - open agreement: status open or in_uitvoering, now; overdue: open and its due date lies before today;
 * - done on time: status gereed, completed (Europe/Amsterdam date) on or before its due date; the share
 *   is taken over the agreements with a due date in the period that has passed, or that are already
 *   done; vervallen (cancelled) agreements do not count;
 * - lead times: median days from referral to triage, of the cases triaged in the period, and from
 *   referral to closure, of the cases closed (afgesloten, not afgewezen) in the period.
 * Filters: target group and municipality narrow the cases (and so their agreements); a partner
 * organisation narrows the agreements to those it owns and the cases to those it is or was convened to.
 * Counts of cases in a manager's view are suppressed when small (./small-cells.ts).
 */

export type { Dashboard, KeyFigures, MunicipalityRow, PartnerRow };

export interface DashboardOptions {
  now?: Date;
  /** Supplies the signal figures (see ./signals.ts); the signals table of lib/signals unless a test says otherwise. */
  signals?: SignalSource;
}

export interface ReadOptions {
  smallCells: SmallCells;
  signals?: SignalSource;
}

/** A row as the database counts it, before the view suppresses small cells. */
type ExactRow<T> = { [K in keyof T]: T[K] extends CaseCount ? number : T[K] };


/*
 * Speed at national scale (hundreds of thousands of cases, millions of agreements): each figure reads
 * only the index range it is about (active cases by status, referrals by created_at, the medians by
 * triaged_at / closed_at, open agreements by owner), never every row with a FILTER per figure; and
 * case_facts is joined only when a target-group or municipality filter needs it. The indexes are named
 * where they are relied on; scripts/bench/floor-queries.ts holds the same SQL on the base tables.
 */


async function caseFigures(tx: Tx, scope: DashboardScope) {
  const median = (to: AnyPgColumn, condition: SQL) =>
    sql`(select round((percentile_cont(0.5) within group (order by date_part('epoch', ${to} - ${caseFacts.createdAt}) / 86400))::numeric, 1)
      ${casesWhere(scope, condition)})`;
  // Scalar subqueries, so that each reads its own index range: by status, created_at, triaged_at
  // and closed_at (cases_*_facts_idx, which also carry the filter columns).
  const triaged = within(caseFacts.triagedAt, scope);
  const closed = sql`${within(caseFacts.closedAt, scope)} and ${caseFacts.status} = 'afgesloten'`;
  const [row] = await queryRows<{
    active: number;
    referrals: number;
    triage: string | null;
    closure: string | null;
    triaged: number;
    closed: number;
    repeats: number;
  }>(
    tx,
    sql`select
      (select count(*)::int ${casesWhere(scope, inArray(caseFacts.status, [...ACTIVE_CASE_STATUSES]))}) as active,
      (select count(*)::int ${casesWhere(scope, within(caseFacts.createdAt, scope))}) as referrals,
      ${median(caseFacts.triagedAt, triaged)} as triage,
      ${median(caseFacts.closedAt, closed)} as closure,
      (select count(*)::int ${casesWhere(scope, triaged)}) as triaged,
      (select count(*)::int ${casesWhere(scope, closed)}) as closed,
      (select count(*)::int ${casesWhere(scope, and(within(caseFacts.createdAt, scope), repeatOfClosed)!)}) as repeats`,
  );
  return {
    activeCases: row!.active,
    newReferrals: row!.referrals,
    medianDaysToTriage: nullableNumber(row!.triage),
    medianDaysToClosure: nullableNumber(row!.closure),
    triagedCases: row!.triaged,
    closedCases: row!.closed,
    repeatReferrals: row!.repeats,
  };
}

/*
 * A repeat referral: a referral whose person (matched at referral, lib/cases/referral-matches.ts) had a
 * case closed (afgesloten) in the twelve months before it came in. Ids only: no name is read.
 */
const repeatOfClosed = sql`exists (select 1 from ${referralMatches} m join ${caseFacts} as earlier on earlier.id = m.matched_case_id
  where m.referral_case_id = ${caseFacts.id} and earlier.status = 'afgesloten'
    and ${caseFacts.createdAt} >= earlier.closed_at and ${caseFacts.createdAt} < earlier.closed_at + interval '12 months')`;


/**
 * Active cases and referrals per municipality: only the cases that are active (cases_status_facts_idx)
 * or new in the period (cases_created_facts_idx) are read, each set counted per municipality.
 */
async function municipalityFigures(tx: Tx, scope: DashboardScope): Promise<ExactRow<MunicipalityRow>[]> {
  const region = sql`(select ${settings.value} ->> 'safetyRegionCode' from ${settings} where ${settings.key} = 'house')`;
  const perMunicipality = (condition: SQL) =>
    sql`select ${caseFacts.municipalityCode}, count(*) as n ${casesWhere(scope, condition)} group by 1`;
  return queryRows<ExactRow<MunicipalityRow>>(
    tx,
    sql`select m.code, m.name, coalesce(a.n, 0)::int as "activeCases", coalesce(r.n, 0)::int as "newReferrals"
      from ${municipalities} m
        left join (${perMunicipality(inArray(caseFacts.status, [...ACTIVE_CASE_STATUSES]))}) a on a.municipality_code = m.code
        left join (${perMunicipality(within(caseFacts.createdAt, scope))}) r on r.municipality_code = m.code
      where ((m.safety_region_code = ${region} and m.active)
          or exists (select 1 from ${caseFacts} as others where others.municipality_code = m.code))
        ${scope.municipality ? sql`and m.code = ${scope.municipality}` : sql``}
      order by 3 desc, 4 desc, m.name`,
  );
}

/**
 * The municipality rows as the view shows them. With small cells suppressed, the "< 5" rows are ordered
 * among themselves by name: an order by the exact counts would tell which of them has more cases.
 */
function municipalitiesShown(rows: ExactRow<MunicipalityRow>[], smallCells: SmallCells): MunicipalityRow[] {
  const shown = rows.map((row) => ({
    ...row,
    activeCases: caseCount(row.activeCases, smallCells),
    newReferrals: caseCount(row.newReferrals, smallCells),
  }));
  if (smallCells === 'exact') return shown;
  // "< 5" sorts between the exact counts of five and up and zero.
  const rank = (value: CaseCount) => (value === SMALL_CELL ? SMALL_CELL_LIMIT - 0.5 : value);
  return shown.sort(
    (a, b) =>
      rank(b.activeCases) - rank(a.activeCases) || rank(b.newReferrals) - rank(a.newReferrals) || a.name.localeCompare(b.name, 'nl'),
  );
}

/** Managers and regisseurs only; anyone else is refused (and the attempt is logged). */
export async function assertDashboardAccess(actor: Actor): Promise<void> {
  await enforce(actor, 'dashboard.view', { entity: 'dashboard', attempted: 'dashboard.view', kind: 'resource' });
}

/**
 * Every figure of the dashboard for the filters, in one read-only transaction as the actor: exact for a
 * regisseur, with small cells suppressed for a manager. GET /api/v1/dashboard, the page and the CSV
 * export all read it this way.
 */
export async function getDashboard(actor: Actor, query: DashboardQuery, options: DashboardOptions = {}): Promise<Dashboard> {
  await assertDashboardAccess(actor);
  const scope = resolveScope(query, options.now);
  return asUser(actor.userId, (tx) => readDashboard(tx, scope, { smallCells: smallCellsFor(actor), signals: options.signals }));
}

/** The figures for a resolved scope, inside the caller's transaction (which has set the actor). */
export async function readDashboard(tx: Tx, scope: DashboardScope, options: ReadOptions): Promise<Dashboard> {
  const { smallCells, signals: signalSource = signalFigures } = options;
  const count = (n: number) => caseCount(n, smallCells);
  // One after the other: a transaction is one connection, so they would queue anyway.
  const cases = await caseFigures(tx, scope);
  const agreementRows = await agreementFigures(tx, scope);
  const municipalityRows = await municipalityFigures(tx, scope);
  const notDone = await notDoneByOwner(tx, scope);
  const signals = await signalSource(tx, scope);
  const total = agreementRows.find((row) => row.total);
  const partners: PartnerRow[] = agreementRows
    .filter((row) => !row.total)
    .map((row) => ({
      organisationId: row.organisationId!,
      name: row.name!,
      shortName: row.shortName!,
      open: row.open,
      overdue: row.overdue,
      agreementsDue: row.agreementsDue,
      agreementsOnTime: row.agreementsOnTime,
      onTimePercent: row.onTimePercent,
      averageDaysOverdue: row.averageDaysOverdue,
      // Few "not carried out" of one partner can point at one case: suppressed like the case counts.
      notDoneNoLongerPossible: count(notDone.get(row.organisationId!)?.noLongerPossible ?? 0),
      notDoneNotCarriedOut: count(notDone.get(row.organisationId!)?.notCarriedOut ?? 0),
    }));
  return {
    scope,
    figures: {
      activeCases: count(cases.activeCases),
      newReferrals: count(cases.newReferrals),
      openAgreements: total?.open ?? 0,
      overdueAgreements: total?.overdue ?? 0,
      agreementsDue: total?.agreementsDue ?? 0,
      agreementsOnTime: total?.agreementsOnTime ?? 0,
      onTimePercent: total?.onTimePercent ?? null,
      medianDaysToTriage: medianOver(cases.medianDaysToTriage, cases.triagedCases, smallCells),
      medianDaysToClosure: medianOver(cases.medianDaysToClosure, cases.closedCases, smallCells),
      triagedCases: count(cases.triagedCases),
      closedCases: count(cases.closedCases),
      repeatReferrals: count(cases.repeatReferrals),
    },
    partners,
    municipalities: municipalitiesShown(municipalityRows, smallCells),
    signals,
    smallCells,
  };
}
