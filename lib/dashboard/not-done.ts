import { and, eq, sql, type SQL } from 'drizzle-orm';
import { agreementFacts, caseFacts } from '@/db/schema';
import { queryRows } from '@/db/query';
import type { Tx } from '@/db/types';
import type { DashboardScope } from './query';

export interface NotDoneCounts {
  /** "Niet meer mogelijk door gewijzigde omstandigheden". */
  noLongerPossible: number;
  /** "Partner heeft de actie niet uitgevoerd". */
  notCarriedOut: number;
}

/**
 * Per owner organisation, the agreements not done (niet_nagekomen) with a due date in the period, by the
 * reason given when they were closed: the distinction the stuurgroep steers on. From agreement_facts,
 * like every figure of the dashboard; the case filters join case_facts.
 */
export async function notDoneByOwner(tx: Tx, scope: DashboardScope): Promise<Map<string, NotDoneCounts>> {
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
