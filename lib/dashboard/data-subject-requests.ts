import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { assertDashboardAccess } from './figures';
import { resolveScope, type DashboardQuery } from './query';
import { caseCount, smallCellsFor, type CaseCount } from './small-cells';

export interface DataSubjectRequestFigures {
  open: CaseCount;
  answeredInTime: CaseCount;
  overdue: CaseCount;
}

/**
 * The dashboard line of the WGS contact point: requests received in the period that are open (in term),
 * answered in time, or overdue (answered late or still open past the term). Counts only, through a
 * definer function (drizzle/0043): a manager reads no request; small counts are suppressed for managers.
 */
export async function dataSubjectRequestFigures(actor: Actor, query: DashboardQuery, now = new Date()): Promise<DataSubjectRequestFigures> {
  await assertDashboardAccess(actor);
  const scope = resolveScope(query, now);
  const [row] = await asUser(actor.userId, (tx) =>
    queryRows<{ open: number; answered_in_time: number; overdue: number }>(
      tx,
      sql`select * from data_subject_request_figures(${scope.from}::date, ${scope.to}::date, ${scope.today}::date)`,
    ),
  );
  const mode = smallCellsFor(actor);
  return { open: caseCount(row!.open, mode), answeredInTime: caseCount(row!.answered_in_time, mode), overdue: caseCount(row!.overdue, mode) };
}
