import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/types';

/** The fold as one statement (also run by the bench between its measurements, as the schedule would). */
export const FOLD_STATEMENT = 'select dashboard_fold_months(), dashboard_fold_now(), dashboard_fold_weeks()';

/**
 * Sums the changes the writes appended to the dashboard's month rollups into the months (drizzle/0049),
 * those of its "now" figures per shape into them (drizzle/0050), and those of the agreements' blocks and
 * owner totals (drizzle/0051). The figures are the same before and after: the readers add the changes
 * themselves. Folding keeps the changes few, so what a dashboard reads stays a row per month. Run after
 * every sweep and each minute (lib/jobs).
 */
export async function foldDashboardRollups(db: Executor): Promise<void> {
  await db.execute(sql.raw(FOLD_STATEMENT));
}
