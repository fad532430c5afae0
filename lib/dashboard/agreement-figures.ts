import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { agreementFacts, caseFacts, organisations } from '@/db/schema';
import { literalList } from '@/db/literal-list';
import { queryRows } from '@/db/query';
import type { Tx } from '@/db/types';
import { NOT_BROKEN_AGREEMENT_STATUSES, OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import type { PartnerRow } from './dashboard-view';
import type { DashboardScope } from './query';
import { nullableNumber } from './scope-sql';

/*
 * Per owner organisation: open, overdue (with the sum of their days past due), due in the period (the
 * base of the share) and done on time. Columns: organisation_id, name, short_name, open, overdue,
 * days_overdue, due, on_time; only organisations with an agreement that is open or due in the period.
 */
function perOwner(scope: DashboardScope): SQL {
  return scope.type || scope.municipality ? perOwnerOfCases(scope) : perOwnerByIndex(scope);
}

/**
 * Without a case filter: per organisation, each count over its own index range. The due ones are
 * counted as the sum of their parts: open ones past their due date (agreements_owner_open_due_idx), done
 * ones on time and late (agreements_owner_on_time_idx, agreements_owner_late_idx: partial indexes whose
 * predicates are these conditions, so no completion date is converted per row), and the ones ended
 * unfinished past their due date (agreements_owner_unfinished_idx).
 */
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
  // Listed too when all its agreements in the period were cancelled. Every status (enum_range), so that
  // agreements_owner_status_due_idx is probed once per status instead of read through.
  const anyInPeriod = sql`exists (select 1 ${agreementsOf(sql`g.status = any(enum_range(null::agreement_status)) and ${inPeriod}`)})`;
  return sql`select o.id as organisation_id, o.name, o.short_name, op.open, op.overdue, op.days_overdue,
      op.due + ot.n + lt.n + un.n as due, ot.n as on_time
    from ${organisations} o cross join lateral (${open}) op cross join lateral (${onTimeDone}) ot
      cross join lateral (${lateDone}) lt cross join lateral (${unfinished}) un
    where (op.open > 0 or ${anyInPeriod})${scope.organisation ? sql` and o.id = ${scope.organisation}` : sql``}`;
}

/**
 * With a case filter: the agreements of the scope's cases, in one pass (for a municipality led by its
 * cases, through agreements_case_facts_idx).
 */
function perOwnerOfCases(scope: DashboardScope): SQL {
  const today = sql`${scope.today}::date`;
  const open = inArray(agreementFacts.status, [...OPEN_AGREEMENT_STATUSES]);
  const overdue = sql`(${open} and ${agreementFacts.dueDate} < ${today})`;
  const inPeriod = sql`${agreementFacts.dueDate} between ${scope.from}::date and ${scope.to}::date`;
  const due = sql`(${inPeriod} and ${agreementFacts.status} <> 'vervallen'
    and (${agreementFacts.dueDate} < ${today} or ${agreementFacts.status} = 'gereed'))`;
  const onTime = sql`(${due} and ${agreementFacts.status} = 'gereed'
    and (${agreementFacts.completedAt} at time zone 'Europe/Amsterdam')::date <= ${agreementFacts.dueDate})`;
  // Only agreements that say something about now or the period; old finished ones would add zero rows.
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

export interface AgreementRow extends Omit<PartnerRow, 'organisationId' | 'name' | 'shortName' | 'notDoneNoLongerPossible' | 'notDoneNotCarriedOut'> {
  total: boolean;
  organisationId: string | null;
  name: string | null;
  shortName: string | null;
}

/** Per partner organisation and in total (grouping sets), worst stagnation first. */
export async function agreementFigures(tx: Tx, scope: DashboardScope): Promise<AgreementRow[]> {
  const overdue = sql`sum(p.overdue)`;
  const averageDaysOverdue = sql`sum(p.days_overdue) / nullif(${overdue}, 0)`;
  const onTimePercent = sql`round(100.0 * sum(p.on_time) / nullif(sum(p.due), 0))`;
  const rows = await queryRows<Record<string, string | number | boolean | null>>(
    tx,
    sql`select grouping(p.organisation_id) = 1 as total, p.organisation_id, p.name, p.short_name,
        coalesce(sum(p.open), 0)::int as open, coalesce(${overdue}, 0)::int as overdue,
        coalesce(sum(p.due), 0)::int as due, coalesce(sum(p.on_time), 0)::int as on_time,
        ${onTimePercent}::int as on_time_percent, round(${averageDaysOverdue}, 1) as average_days_overdue
      from (${perOwner(scope)}) p
      group by grouping sets ((p.organisation_id, p.name, p.short_name), ())
      order by grouping(p.organisation_id), ${overdue} desc, ${averageDaysOverdue} desc nulls last,
        ${onTimePercent} asc nulls last, sum(p.open) desc, p.name asc`,
  );
  return rows.map((row) => ({
    total: Boolean(row.total),
    organisationId: row.organisation_id as string | null,
    name: row.name as string | null,
    shortName: row.short_name as string | null,
    open: Number(row.open),
    overdue: Number(row.overdue),
    agreementsDue: Number(row.due),
    agreementsOnTime: Number(row.on_time),
    onTimePercent: nullableNumber(row.on_time_percent),
    averageDaysOverdue: nullableNumber(row.average_days_overdue),
  }));
}
