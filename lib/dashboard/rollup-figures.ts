import { sql, type SQL } from 'drizzle-orm';
import { caseFacts, municipalities, settings } from '@/db/schema';
import { literalList } from '@/db/literal-list';
import { queryRows } from '@/db/query';
import type { Tx } from '@/db/types';
import { OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import { ACTIVE_CASE_STATUSES } from '@/lib/cases/statuses';
import { signalFigures } from '@/lib/signals/dashboard-source';
import type { MunicipalityRow } from './dashboard-view';
import type { CaseFigures, ExactRow, FigureReader, NotDoneCounts } from './figure-reader';
import type { DashboardScope } from './query';
import { casesWhere, nullableNumber, within } from './scope-sql';

/*
 * The dashboard read from the rollups the writes keep (drizzle/0037): counts per day × target group ×
 * municipality × organisation (and status, due date or level), so a year's dashboard sums thousands of
 * rollup rows instead of counting hundreds of thousands of index entries. The figures are exactly those
 * of ./live-figures.ts (lib/dashboard/rollup-oracle.test.ts holds them side by side).
 * The case rollups carry a row per partner organisation a case has or had, and one for every case
 * (EVERY_CASE); the agreement and signal rollups are per owning / concerned organisation.
 */

/** The organisation of the case rollups' rows that count every case, not one partner's. */
export const EVERY_CASE = '00000000-0000-0000-0000-000000000000';

/** The scope's filters on a case rollup (dashboard_case_status, dashboard_case_days). */
function caseKey(scope: DashboardScope): SQL {
  const where = [sql`organisation_id = ${scope.organisation ?? EVERY_CASE}`];
  if (scope.type) where.push(sql`target_group = ${scope.type}`);
  if (scope.municipality) where.push(sql`municipality_code = ${scope.municipality}`);
  return sql.join(where, sql` and `);
}

const inPeriod = (scope: DashboardScope, column: SQL) => sql`${column} between ${scope.from}::date and ${scope.to}::date`;

function daysOf(scope: DashboardScope, kind: string): SQL {
  return sql`from dashboard_case_days where ${caseKey(scope)} and kind = ${kind} and ${inPeriod(scope, sql`day`)}`;
}

/** [whole days since referral, cases] of the cases triaged / closed in the period, fewest days first. */
type Histogram = [number, number][];

async function caseFigures(tx: Tx, scope: DashboardScope): Promise<CaseFigures> {
  const histogram = (kind: string) =>
    sql`(select coalesce(json_agg(json_build_array(whole_days, n) order by whole_days), '[]'::json)
      from (select whole_days, sum(n)::int as n ${daysOf(scope, kind)} group by whole_days) h)`;
  const [row] = await queryRows<{ active: number; referrals: number; repeats: number; triage: Histogram; closure: Histogram }>(
    tx,
    sql`select
      (select coalesce(sum(n), 0)::int from dashboard_case_status
        where ${caseKey(scope)} and status in (${literalList(ACTIVE_CASE_STATUSES)})) as active,
      (select coalesce(sum(n), 0)::int ${daysOf(scope, 'referred')}) as referrals,
      (select coalesce(sum(n), 0)::int ${daysOf(scope, 'repeat')}) as repeats,
      ${histogram('triaged')} as triage,
      ${histogram('closed')} as closure`,
  );
  const triage = parseHistogram(row!.triage);
  const closure = parseHistogram(row!.closure);
  const triagedCases = casesIn(triage);
  const closedCases = casesIn(closure);
  const medians =
    triagedCases + closedCases === 0
      ? { triage: null, closure: null }
      : (
          await queryRows<{ triage: string | null; closure: string | null }>(
            tx,
            sql`select ${median(scope, 'triaged', triage)} as triage, ${median(scope, 'closed', closure)} as closure`,
          )
        )[0]!;
  return {
    activeCases: row!.active,
    newReferrals: row!.referrals,
    medianDaysToTriage: nullableNumber(medians.triage),
    medianDaysToClosure: nullableNumber(medians.closure),
    triagedCases,
    closedCases,
    repeatReferrals: row!.repeats,
  };
}

const parseHistogram = (value: unknown): Histogram => (typeof value === 'string' ? JSON.parse(value) : value) as Histogram;
const casesIn = (histogram: Histogram) => histogram.reduce((sum, [, n]) => sum + n, 0);

/** The whole-day bucket that holds the value at `position` (0-based, fewest days first), and its place in it. */
function locate(histogram: Histogram, position: number): { bucket: number; offset: number } {
  let before = 0;
  for (const [bucket, n] of histogram) {
    if (position < before + n) return { bucket, offset: position - before };
    before += n;
  }
  throw new Error('position beyond the histogram');
}

/*
 * The median exactly as percentile_cont(0.5) computes it (the lower middle value plus half the step to the
 * upper one, in double precision, then rounded to one decimal): the rollup's counts per whole day say in
 * which day-bucket the middle values lie, and only the cases of that bucket are read
 * (cases_triage_days_idx, cases_closure_days_idx), through case_facts like the live figure.
 */
function median(scope: DashboardScope, kind: 'triaged' | 'closed', histogram: Histogram): SQL {
  const total = casesIn(histogram);
  if (total === 0) return sql`null::numeric`;
  const lower = locate(histogram, Math.floor((total - 1) / 2));
  const upper = locate(histogram, Math.ceil((total - 1) / 2));
  const column = kind === 'triaged' ? caseFacts.triagedAt : caseFacts.closedAt;
  const days = sql`date_part('epoch', ${column} - ${caseFacts.createdAt}) / 86400`;
  const condition = kind === 'triaged' ? within(column, scope) : sql`${within(column, scope)} and ${caseFacts.status} = 'afgesloten'`;
  const valueAt = ({ bucket, offset }: { bucket: number; offset: number }) =>
    sql`(select ${days} ${casesWhere(scope, sql`floor(${days}) = ${bucket}::float8 and ${condition}`)}
      order by 1 offset ${offset} limit 1)`;
  return sql`round((${valueAt(lower)} + (${valueAt(upper)} - ${valueAt(lower)}) * 0.5)::numeric, 1)`;
}

async function municipalityFigures(tx: Tx, scope: DashboardScope): Promise<ExactRow<MunicipalityRow>[]> {
  const region = sql`(select ${settings.value} ->> 'safetyRegionCode' from ${settings} where ${settings.key} = 'house')`;
  return queryRows<ExactRow<MunicipalityRow>>(
    tx,
    sql`select m.code, m.name, coalesce(a.n, 0)::int as "activeCases", coalesce(r.n, 0)::int as "newReferrals"
      from ${municipalities} m
        left join (select municipality_code, sum(n) as n from dashboard_case_status
          where ${caseKey(scope)} and status in (${literalList(ACTIVE_CASE_STATUSES)}) group by 1) a on a.municipality_code = m.code
        left join (select municipality_code, sum(n) as n ${daysOf(scope, 'referred')} group by 1) r on r.municipality_code = m.code
      where ((m.safety_region_code = ${region} and m.active)
          or exists (select 1 from dashboard_case_status others where others.organisation_id = ${EVERY_CASE}
            and others.municipality_code = m.code))
        ${scope.municipality ? sql`and m.code = ${scope.municipality}` : sql``}
      order by 3 desc, 4 desc, m.name`,
  );
}

/** The agreement rollup's filters: target group and municipality of the case, the owner for a partner. */
function agreementKey(scope: DashboardScope): SQL {
  const where = [sql`true`];
  if (scope.type) where.push(sql`r.target_group = ${scope.type}`);
  if (scope.municipality) where.push(sql`r.municipality_code = ${scope.municipality}`);
  if (scope.organisation) where.push(sql`r.owner_organisation_id = ${scope.organisation}`);
  return sql.join(where, sql` and `);
}

/**
 * The agreement rollup's rows that match `where`: two of these joined by UNION ALL instead of one OR keep
 * each an index-only scan (drizzle/0045), where an OR would read the heap behind a bitmap.
 */
const agreementRows = (where: SQL, scope: DashboardScope) =>
  sql`select r.owner_organisation_id, r.due_date, r.status, r.on_time, r.n from dashboard_agreements r where ${where} and ${agreementKey(scope)}`;

function perOwner(scope: DashboardScope): SQL {
  const today = sql`${scope.today}::date`;
  const open = sql`r.status in (${literalList(OPEN_AGREEMENT_STATUSES)})`;
  const overdue = sql`${open} and r.due_date < ${today}`;
  const period = inPeriod(scope, sql`r.due_date`);
  const due = sql`${period} and r.status <> 'vervallen' and (r.due_date < ${today} or r.status = 'gereed')`;
  return sql`select o.id as organisation_id, o.name, o.short_name, p.open, p.overdue, p.days_overdue, p.due, p.on_time
    from (select r.owner_organisation_id,
        coalesce(sum(r.n) filter (where ${open}), 0) as open,
        coalesce(sum(r.n) filter (where ${overdue}), 0) as overdue,
        sum(r.n * (${today} - r.due_date)) filter (where ${overdue}) as days_overdue,
        coalesce(sum(r.n) filter (where ${due}), 0) as due,
        coalesce(sum(r.n) filter (where ${period} and r.status = 'gereed' and r.on_time), 0) as on_time
      from (${agreementRows(sql`${open}`, scope)} union all ${agreementRows(sql`${period} and not (${open})`, scope)}) r
      group by 1) p
      join organisations o on o.id = p.owner_organisation_id`;
}

async function notDoneByOwner(tx: Tx, scope: DashboardScope): Promise<Map<string, NotDoneCounts>> {
  const rows = await queryRows<{ owner: string; no_longer_possible: number; not_carried_out: number }>(
    tx,
    sql`select r.owner_organisation_id as owner,
        coalesce(sum(r.n) filter (where r.close_reason = 'niet_meer_mogelijk'), 0)::int as no_longer_possible,
        coalesce(sum(r.n) filter (where r.close_reason = 'niet_uitgevoerd'), 0)::int as not_carried_out
      from dashboard_agreements r
      where r.status = 'niet_nagekomen' and ${inPeriod(scope, sql`r.due_date`)} and ${agreementKey(scope)}
      group by 1`,
  );
  return new Map(rows.map((r) => [r.owner, { noLongerPossible: Number(r.no_longer_possible), notCarriedOut: Number(r.not_carried_out) }]));
}

/** Every figure from the rollups: what the dashboard, its API and its CSV read. */
export const rollupFigures: FigureReader = {
  cases: caseFigures,
  perOwner,
  municipalities: municipalityFigures,
  notDone: notDoneByOwner,
  signals: signalFigures,
};
