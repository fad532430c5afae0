import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Tx } from '@/db/types';
import type { DashboardScope } from '@/lib/dashboard/query';
import type { SignalFigures, SignalSource } from '@/lib/dashboard/signals';
import { EVERY, NOW } from '@/lib/dashboard/now-shapes';
import { SIGNAL_LEVEL_NAMES } from './levels';

/**
 * The stagnation part of the managers' dashboard (lib/dashboard/signals.ts): signals open now per level,
 * and per week of the period how many opened and how many were resolved. Read from the rollups the
 * writes keep (drizzle/0050: the open ones per level in the scope's shape; drizzle/0037: dashboard_signal_days
 * per Amsterdam day), so a year reads a few rows per day instead of every signal; ./dashboard-source-live.ts computes the same from
 * the signals table and is the oracle of lib/dashboard/rollup-oracle.test.ts. Scoped like the dashboard:
 * target group and municipality through the case (signals about an organisation as a whole then drop
 * out), the organisation through the organisation a signal is about.
 */
export const signalFigures: SignalSource = async (tx: Tx, scope: DashboardScope): Promise<SignalFigures> => {
  const open = await queryRows<{ level: number; n: number }>(
    tx,
    sql`select key::int as level, sum(n)::int as n from ${NOW} s
      where figure = 'signal' and organisation_id = ${scope.organisation ? sql`${scope.organisation}::uuid::text` : EVERY}
        and target_group = ${scope.type ?? EVERY} and municipality_code = ${scope.municipality ?? EVERY}
      group by 1 having sum(n) <> 0 order by 1`,
  );
  const weekly = await queryRows<{ week_start: string; opened: number; resolved: number }>(tx, weeklyTrend(scope));
  const byLevel = new Map(open.map((r) => [Math.min(r.level, SIGNAL_LEVEL_NAMES.length - 1), r.n]));
  return {
    openByLevel: SIGNAL_LEVEL_NAMES.map((level, i) => ({ level, count: byLevel.get(i) ?? 0 })),
    weekly: weekly.map((w) => ({ weekStart: w.week_start, opened: w.opened, resolved: w.resolved })),
  };
};

function filters(scope: DashboardScope): SQL {
  const where = [sql`true`];
  if (scope.type) where.push(sql`target_group = ${scope.type}`);
  if (scope.municipality) where.push(sql`municipality_code = ${scope.municipality}`);
  if (scope.organisation) where.push(sql`organisation_id = ${scope.organisation}`);
  return sql.join(where, sql` and `);
}

/** Per week (Monday, Europe/Amsterdam) of the period, clipped to the period: the days' counts summed. */
function weeklyTrend(scope: DashboardScope): SQL {
  const count = (kind: string) =>
    sql`(select coalesce(sum(d.n), 0)::int from dashboard_signal_days d
      where d.kind = ${kind} and d.day between w.starts and w.ends and ${filters(scope)})`;
  return sql`select w.week_start::text as week_start, ${count('opened')} as opened, ${count('resolved')} as resolved
    from (select week_start, greatest(week_start, ${scope.from}::date) as starts, least(week_start + 6, ${scope.to}::date) as ends
      from (select generate_series(date_trunc('week', ${scope.from}::date), ${scope.to}::date, interval '1 week')::date as week_start) g) w
    order by w.week_start`;
}
