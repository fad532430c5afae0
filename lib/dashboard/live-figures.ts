import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { agreementFacts, caseFacts, municipalities, organisations, referralMatches, settings } from '@/db/schema';
import { literalList } from '@/db/literal-list';
import { queryRows } from '@/db/query';
import type { Tx } from '@/db/types';
import { NOT_BROKEN_AGREEMENT_STATUSES, OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import { ACTIVE_CASE_STATUSES } from '@/lib/cases/statuses';
import { liveSignalFigures } from '@/lib/signals/dashboard-source-live';
import type { MunicipalityRow } from './dashboard-view';
import type { CaseFigures, ExactRow, FigureReader, NotDoneCounts } from './figure-reader';
import type { DashboardScope } from './query';
import { casesWhere, nullableNumber, within } from './scope-sql';

/*
 * The dashboard computed live from the pseudonymised fact views (case_facts, agreement_facts: drizzle/0003,
 * 0008), as it was before the rollups (drizzle/0037). Not read by the app: it is the oracle that
 * lib/dashboard/rollup-oracle.test.ts holds every rollup figure against, and the definitions of the
 * figures in executable form (see ./figures.ts for them in words).
 */

async function caseFigures(tx: Tx, scope: DashboardScope): Promise<CaseFigures> {
  const median = (to: AnyPgColumn, condition: SQL) =>
    sql`(select round((percentile_cont(0.5) within group (order by date_part('epoch', ${to} - ${caseFacts.createdAt}) / 86400))::numeric, 1)
      ${casesWhere(scope, condition)})`;
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

/** Active cases and referrals per municipality. */
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

function perOwner(scope: DashboardScope): SQL {
  return scope.type || scope.municipality ? perOwnerOfCases(scope) : perOwnerByIndex(scope);
}

/** Without a case filter: per organisation, each count over its own index range. */
function perOwnerByIndex(scope: DashboardScope): SQL {
  const today = sql`${scope.today}::date`;
  const inPeriod = sql`g.due_date between ${scope.from}::date and ${scope.to}::date`;
  const agreementsOf = (condition: SQL) => sql`from ${agreementFacts} g where g.owner_organisation_id = o.id and ${condition}`;
  const onTime = sql`(g.completed_at at time zone 'Europe/Amsterdam')::date <= g.due_date`;
  const open = sql`select count(*) as open, count(*) filter (where g.due_date < ${today}) as overdue,
      sum(${today} - g.due_date) filter (where g.due_date < ${today}) as days_overdue,
      count(*) filter (where g.due_date < ${today} and ${inPeriod}) as due
    ${agreementsOf(sql`g.status in (${literalList(OPEN_AGREEMENT_STATUSES)})`)}`;
  const count = (condition: SQL) => sql`select count(*) as n ${agreementsOf(sql`${inPeriod} and ${condition}`)}`;
  const onTimeDone = count(sql`g.status = 'gereed' and ${onTime}`);
  const lateDone = count(sql`g.status = 'gereed' and (${onTime}) is not true`);
  const unfinished = count(sql`g.due_date < ${today} and g.status not in (${literalList(NOT_BROKEN_AGREEMENT_STATUSES)})`);
  const anyInPeriod = sql`exists (select 1 ${agreementsOf(sql`g.status = any(enum_range(null::agreement_status)) and ${inPeriod}`)})`;
  return sql`select o.id as organisation_id, o.name, o.short_name, op.open, op.overdue, op.days_overdue,
      op.due + ot.n + lt.n + un.n as due, ot.n as on_time
    from ${organisations} o cross join lateral (${open}) op cross join lateral (${onTimeDone}) ot
      cross join lateral (${lateDone}) lt cross join lateral (${unfinished}) un
    where (op.open > 0 or ${anyInPeriod})${scope.organisation ? sql` and o.id = ${scope.organisation}` : sql``}`;
}

/** With a case filter: the agreements of the scope's cases, in one pass. */
function perOwnerOfCases(scope: DashboardScope): SQL {
  const today = sql`${scope.today}::date`;
  const open = inArray(agreementFacts.status, [...OPEN_AGREEMENT_STATUSES]);
  const overdue = sql`(${open} and ${agreementFacts.dueDate} < ${today})`;
  const inPeriod = sql`${agreementFacts.dueDate} between ${scope.from}::date and ${scope.to}::date`;
  const due = sql`(${inPeriod} and ${agreementFacts.status} <> 'vervallen'
    and (${agreementFacts.dueDate} < ${today} or ${agreementFacts.status} = 'gereed'))`;
  const onTime = sql`(${due} and ${agreementFacts.status} = 'gereed'
    and (${agreementFacts.completedAt} at time zone 'Europe/Amsterdam')::date <= ${agreementFacts.dueDate})`;
  const where: SQL[] = [sql`(${open} or ${inPeriod})`];
  if (scope.type) where.push(eq(caseFacts.targetGroup, scope.type));
  if (scope.municipality) where.push(eq(caseFacts.municipalityCode, scope.municipality));
  if (scope.organisation) where.push(eq(agreementFacts.ownerOrganisationId, scope.organisation));
  return sql`select ${organisations.id} as organisation_id, ${organisations.name} as name, ${organisations.shortName} as short_name,
      count(*) filter (where ${open}) as open, count(*) filter (where ${overdue}) as overdue,
      sum(${today} - ${agreementFacts.dueDate}) filter (where ${overdue}) as days_overdue,
      count(*) filter (where ${due}) as due, count(*) filter (where ${onTime}) as on_time
    from ${agreementFacts} join ${caseFacts} on ${caseFacts.id} = ${agreementFacts.caseId}
      join ${organisations} on ${organisations.id} = ${agreementFacts.ownerOrganisationId}
    where ${and(...where)}
    group by ${organisations.id}`;
}

async function notDoneByOwner(tx: Tx, scope: DashboardScope): Promise<Map<string, NotDoneCounts>> {
  const where: SQL[] = [
    eq(agreementFacts.status, 'niet_nagekomen'),
    sql`${agreementFacts.dueDate} between ${scope.from}::date and ${scope.to}::date`,
  ];
  if (scope.organisation) where.push(eq(agreementFacts.ownerOrganisationId, scope.organisation));
  if (scope.type) where.push(eq(caseFacts.targetGroup, scope.type));
  if (scope.municipality) where.push(eq(caseFacts.municipalityCode, scope.municipality));
  const joinCases = scope.type || scope.municipality ? sql`join ${caseFacts} on ${caseFacts.id} = ${agreementFacts.caseId}` : sql``;
  const rows = await queryRows<{ owner: string; no_longer_possible: number; not_carried_out: number }>(
    tx,
    sql`select ${agreementFacts.ownerOrganisationId} as owner,
        (count(*) filter (where ${agreementFacts.closeReason} = 'niet_meer_mogelijk'))::int as no_longer_possible,
        (count(*) filter (where ${agreementFacts.closeReason} = 'niet_uitgevoerd'))::int as not_carried_out
      from ${agreementFacts} ${joinCases}
      where ${and(...where)}
      group by 1`,
  );
  return new Map(rows.map((r) => [r.owner, { noLongerPossible: Number(r.no_longer_possible), notCarriedOut: Number(r.not_carried_out) }]));
}

/** The live computation of every figure: the oracle of the rollups. */
export const liveFigures: FigureReader = {
  cases: caseFigures,
  perOwner,
  municipalities: municipalityFigures,
  notDone: notDoneByOwner,
  signals: liveSignalFigures,
};
