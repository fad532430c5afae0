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
import { EVERY, NOW } from './now-shapes';
import { dateArray, splitPeriod, splitPeriodByMonth } from './period-months';
import { casesWhere, nullableNumber, within } from './scope-sql';

/*
 * The dashboard read from the rollups the writes keep: the whole months of the period from the month
 * rollups (drizzle/0049: per month in the scope's shape, so a year is a row per month and owner or
 * whole-day bucket, whatever the number of cases), the agreements' whole 7-day blocks from their week
 * rollups (drizzle/0051), the days at its ends from the day rollups (drizzle/0037), and what holds now
 * (active cases, open agreements and signals) from per-shape totals (drizzle/0050, 0051).
 * The figures are exactly those of ./live-figures.ts (lib/dashboard/rollup-oracle.test.ts holds them side
 * by side). The case rollups carry a row per partner organisation a case has or had, and one for every
 * case (EVERY_CASE); the agreement and signal rollups are per owning / concerned organisation.
 */

/** The organisation of the case rollups' rows that count every case, not one partner's. */
export const EVERY_CASE = '00000000-0000-0000-0000-000000000000';

/*
 * The month rollups as the readers see them: the months plus the changes the writes appended since the last
 * fold (drizzle/0049), to be summed. A month's figure can therefore come in several rows, some negative.
 */
const CASE_MONTHS = sql`(select * from dashboard_case_months union all select * from dashboard_case_month_changes)`;
const AGREEMENT_MONTHS = sql`(select * from dashboard_agreement_months union all select * from dashboard_agreement_month_changes)`;
const AGREEMENT_WEEKS = sql`(select * from dashboard_agreement_weeks union all select * from dashboard_agreement_week_changes)`;
const AGREEMENT_OPEN = sql`(select * from dashboard_agreement_open union all select * from dashboard_agreement_open_changes)`;

/** The municipality of a shaped rollup: the scope's, every one ('*'), or one row per municipality. */
function municipalityShape(scope: DashboardScope, perMunicipality: boolean): SQL {
  if (scope.municipality) return sql`= ${scope.municipality}`;
  return perMunicipality ? sql`<> ${EVERY}` : sql`= ${EVERY}`;
}

/** `column` is one of the days (or months): one parameter, answered by index-only scans. */
const among = (column: SQL, days: string[]) => sql`${column} = any(${dateArray(days)}::date[])`;

/**
 * The case rollups' rows of one kind in the period (municipality_code, whole_days, n): the whole months
 * from dashboard_case_months in the scope's shape, the other days from dashboard_case_days. Per
 * municipality: a row per municipality instead of the '*' rows of every municipality.
 */
function caseRows(scope: DashboardScope, kind: string, perMunicipality = false): SQL {
  const { months, days } = splitPeriodByMonth(scope.from, scope.to, scope.today);
  const organisation = scope.organisation ?? EVERY_CASE;
  const municipality = municipalityShape(scope, perMunicipality);
  const dayFilters = [sql`organisation_id = ${organisation}`, sql`kind = ${kind}`, among(sql`day`, days)];
  if (scope.type) dayFilters.push(sql`target_group = ${scope.type}`);
  if (scope.municipality) dayFilters.push(sql`municipality_code = ${scope.municipality}`);
  return sql`select municipality_code, whole_days, n from ${CASE_MONTHS} m
      where organisation_id = ${organisation} and kind = ${kind} and target_group = ${scope.type ?? EVERY}
        and municipality_code ${municipality} and ${among(sql`month`, months)}
    union all
    select municipality_code, whole_days, n from dashboard_case_days where ${sql.join(dayFilters, sql` and `)}`;
}

/** The scope's shape of the case-status figures (drizzle/0050): every municipality, or one per municipality. */
function statusShape(scope: DashboardScope, perMunicipality = false): SQL {
  return sql`figure = 'status' and organisation_id = ${scope.organisation ?? EVERY_CASE}::uuid::text
    and target_group = ${scope.type ?? EVERY} and municipality_code ${municipalityShape(scope, perMunicipality)}`;
}

const ACTIVE = sql`key in (${literalList(ACTIVE_CASE_STATUSES)})`;

/** [whole days since referral, cases] of the cases triaged / closed in the period, fewest days first. */
type Histogram = [number, number][];

async function caseFigures(tx: Tx, scope: DashboardScope): Promise<CaseFigures> {
  const histogram = (kind: string) =>
    sql`(select coalesce(json_agg(json_build_array(whole_days, n) order by whole_days), '[]'::json)
      from (select whole_days, sum(n)::int as n from (${caseRows(scope, kind)}) r group by whole_days) h)`;
  const [row] = await queryRows<{ active: number; referrals: number; repeats: number; triage: Histogram; closure: Histogram }>(
    tx,
    sql`select
      (select coalesce(sum(n), 0)::int from ${NOW} s where ${statusShape(scope)} and ${ACTIVE}) as active,
      (select coalesce(sum(n), 0)::int from (${caseRows(scope, 'referred')}) r) as referrals,
      (select coalesce(sum(n), 0)::int from (${caseRows(scope, 'repeat')}) r) as repeats,
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
 * which day-bucket the middle values lie, and only the cases of that bucket are read, once
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
  /** The values of one bucket from its `offset`-th on, fewest days first. */
  const valuesOf = (bucket: number, offset: number, count: number) =>
    sql`select ${days} as d ${casesWhere(scope, sql`floor(${days}) = ${bucket}::float8 and ${condition}`)}
      order by 1 offset ${offset} limit ${count}`;
  const middle =
    lower.bucket === upper.bucket
      ? sql`select min(d) as lo, max(d) as hi from (${valuesOf(lower.bucket, lower.offset, upper.offset - lower.offset + 1)}) v`
      : sql`select (${valuesOf(lower.bucket, lower.offset, 1)}) as lo, (${valuesOf(upper.bucket, upper.offset, 1)}) as hi`;
  return sql`(select round((lo + (hi - lo) * 0.5)::numeric, 1) from (${middle}) m)`;
}

async function municipalityFigures(tx: Tx, scope: DashboardScope): Promise<ExactRow<MunicipalityRow>[]> {
  const region = sql`(select ${settings.value} ->> 'safetyRegionCode' from ${settings} where ${settings.key} = 'house')`;
  return queryRows<ExactRow<MunicipalityRow>>(
    tx,
    sql`select m.code, m.name, coalesce(a.n, 0)::int as "activeCases", coalesce(r.n, 0)::int as "newReferrals"
      from ${municipalities} m
        left join (select municipality_code, sum(n) as n from ${NOW} s
          where ${statusShape(scope, true)} and ${ACTIVE} group by 1) a on a.municipality_code = m.code
        left join (select municipality_code, sum(n) as n from (${caseRows(scope, 'referred', true)}) r group by 1) r
          on r.municipality_code = m.code
      where ((m.safety_region_code = ${region} and m.active)
          or m.code in (select municipality_code from ${NOW} others
            where figure = 'status' and organisation_id = ${EVERY_CASE} and target_group = ${EVERY} and municipality_code <> ${EVERY}
            group by 1 having sum(n) <> 0))
        ${scope.municipality ? sql`and m.code = ${scope.municipality}` : sql``}
      order by 3 desc, 4 desc, m.name`,
  );
}

/** The day rollup's filters for agreements: target group and municipality of the case, the owner for a partner. */
function agreementDayKey(scope: DashboardScope): SQL {
  const where = [sql`true`];
  if (scope.type) where.push(sql`r.target_group = ${scope.type}`);
  if (scope.municipality) where.push(sql`r.municipality_code = ${scope.municipality}`);
  if (scope.organisation) where.push(sql`r.owner_organisation_id = ${scope.organisation}`);
  return sql.join(where, sql` and `);
}

/** The month, block or owner rollup's rows of the scope's shape (and its owner, for a partner). */
function agreementMonthKey(scope: DashboardScope): SQL {
  const where = [sql`m.target_group = ${scope.type ?? EVERY}`, sql`m.municipality_code = ${scope.municipality ?? EVERY}`];
  if (scope.organisation) where.push(sql`m.owner_organisation_id = ${scope.organisation}`);
  return sql.join(where, sql` and `);
}

/*
 * Per owner: open, overdue (open and due before today), their days overdue, due in the period (not expired,
 * and due before today or done) and done on time in the period.
 * - Open: the owner's totals over every month (drizzle/0051). Overdue is open minus the open ones of the months
 *   from this month on, plus this month's open ones due before today, by day. A month's days overdue are
 *   open × (today − 2000-01-01) − open_due_days.
 * - In the period: whole months and blocks (./period-months.ts), the other days by day. A month or block
 *   lies wholly before today or wholly after it: today's is read by day.
 * Listed: the owners with an agreement open now or due in the period, as in ./live-figures.ts; an owner
 * whose last one went leaves rows that sum to zero until the next fold.
 */
function perOwner(scope: DashboardScope): SQL {
  const today = sql`${scope.today}::date`;
  const thisMonth = sql`date_trunc('month', ${today})::date`;
  const { months, weeks, days } = splitPeriod(scope.from, scope.to, scope.today);
  const open = sql`r.status in (${literalList(OPEN_AGREEMENT_STATUSES)})`;
  const daysOverdue = sql`m.open::bigint * (${today} - date '2000-01-01') - m.open_due_days`;
  const rows = sql`
    select m.owner_organisation_id as owner, m.open, m.open as overdue, ${daysOverdue} as days_overdue,
      0 as due, 0 as on_time, 0 as in_period
    from ${AGREEMENT_OPEN} m where ${agreementMonthKey(scope)}
    union all
    select m.owner_organisation_id, 0, -m.open, -(${daysOverdue}), 0, 0, 0
    from ${AGREEMENT_MONTHS} m where ${agreementMonthKey(scope)} and m.open <> 0 and m.month >= ${thisMonth}
    union all
    select r.owner_organisation_id, 0, r.n, r.n * (${today} - r.due_date), 0, 0, 0
    from dashboard_agreements r
    where ${open} and r.due_date >= ${thisMonth} and r.due_date < ${today} and ${agreementDayKey(scope)}
    union all
    select m.owner_organisation_id, 0, 0, 0, case when m.month < ${thisMonth} then m.n - m.expired else m.done end, m.done_on_time, m.n
    from ${AGREEMENT_MONTHS} m where ${agreementMonthKey(scope)} and ${among(sql`m.month`, months)}
    union all
    select m.owner_organisation_id, 0, 0, 0, case when m.week < ${today} then m.n - m.expired else m.done end, m.done_on_time, m.n
    from ${AGREEMENT_WEEKS} m where ${agreementMonthKey(scope)} and ${among(sql`m.week`, weeks)}
    union all
    select r.owner_organisation_id, 0, 0, 0,
      case when r.status <> 'vervallen' and (r.due_date < ${today} or r.status = 'gereed') then r.n else 0 end,
      case when r.status = 'gereed' and r.on_time then r.n else 0 end, r.n
    from dashboard_agreements r where ${among(sql`r.due_date`, days)} and ${agreementDayKey(scope)}`;
  return sql`select o.id as organisation_id, o.name, o.short_name, p.open, p.overdue, p.days_overdue, p.due, p.on_time
    from (select x.owner, sum(x.open) as open, sum(x.overdue) as overdue, sum(x.days_overdue) as days_overdue,
        sum(x.due) as due, sum(x.on_time) as on_time
      from (${rows}) x group by 1
      having sum(x.open) <> 0 or sum(x.in_period) <> 0) p
      join organisations o on o.id = p.owner`;
}

async function notDoneByOwner(tx: Tx, scope: DashboardScope): Promise<Map<string, NotDoneCounts>> {
  const { months, weeks, days } = splitPeriod(scope.from, scope.to, scope.today);
  const spans = (table: SQL, column: SQL, starts: string[]) =>
    sql`select m.owner_organisation_id as owner, m.not_possible as no_longer_possible, m.not_carried_out
      from ${table} m
      where (m.not_possible <> 0 or m.not_carried_out <> 0) and ${among(column, starts)} and ${agreementMonthKey(scope)}`;
  const rows = await queryRows<{ owner: string; no_longer_possible: number; not_carried_out: number }>(
    tx,
    sql`select owner, sum(no_longer_possible)::int as no_longer_possible, sum(not_carried_out)::int as not_carried_out
      from (${spans(AGREEMENT_MONTHS, sql`m.month`, months)}
        union all
        ${spans(AGREEMENT_WEEKS, sql`m.week`, weeks)}
        union all
        select r.owner_organisation_id, case when r.close_reason = 'niet_meer_mogelijk' then r.n else 0 end,
          case when r.close_reason = 'niet_uitgevoerd' then r.n else 0 end
        from dashboard_agreements r
        where r.status = 'niet_nagekomen' and ${among(sql`r.due_date`, days)} and ${agreementDayKey(scope)}) x
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
