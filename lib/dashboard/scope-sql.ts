import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { caseFacts, casePartnerFacts } from '@/db/schema';
import type { DashboardScope } from './query';

// The SQL pieces every dashboard figure filters with: the period, and the cases of the scope.

export const nullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The period as instants: from the start of `from` to the end of `to`, in the house's time zone. */
export function within(column: AnyPgColumn, scope: DashboardScope): SQL {
  return sql`(${column} >= (${scope.from}::date::timestamp at time zone 'Europe/Amsterdam')
    and ${column} < ((${scope.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'))`;
}

/** Filters on case_facts for the scope. */
function caseFilters(scope: DashboardScope): SQL[] {
  const where: SQL[] = [];
  if (scope.type) where.push(eq(caseFacts.targetGroup, scope.type));
  if (scope.municipality) where.push(eq(caseFacts.municipalityCode, scope.municipality));
  if (scope.organisation) {
    where.push(sql`exists (select 1 from ${casePartnerFacts} where ${casePartnerFacts.caseId} = ${caseFacts.id}
      and ${casePartnerFacts.organisationId} = ${scope.organisation})`);
  }
  return where;
}

/** The cases of the scope that meet `condition`, as the FROM part of a subquery. */
export function casesWhere(scope: DashboardScope, condition: SQL): SQL {
  return sql`from ${caseFacts} where ${and(condition, ...caseFilters(scope))}`;
}
