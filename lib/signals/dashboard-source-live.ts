import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Tx } from '@/db/types';
import type { DashboardScope } from '@/lib/dashboard/query';
import type { SignalFigures, SignalSource } from '@/lib/dashboard/signals';
import { SIGNAL_LEVEL_NAMES } from './levels';

/**
 * The live computation of the stagnation part of the dashboard, kept as the test oracle of the rollups
 * (./dashboard-source.ts, lib/dashboard/rollup-oracle.test.ts): signals open now per level,
 * and per week of the period how many opened and how many were resolved. Scoped like the dashboard:
 * target group and municipality through the case (signals about an organisation as a whole then drop
 * out), the organisation through the organisation a signal is about. Two aggregate queries, run as the
 * signed-in manager or regisseur (row-level security applies); no case is named.
 */
export const liveSignalFigures: SignalSource = async (tx: Tx, scope: DashboardScope): Promise<SignalFigures> => {
  // signals_open_level_idx
  const open = await queryRows<{ level: number; n: number }>(
    tx,
    sql`select s.level, count(*)::int as n ${scoped(scope, sql`s.status <> 'resolved'`)} group by s.level`,
  );
  const weekly = await queryRows<{ week_start: string; opened: number; resolved: number }>(tx, weeklyTrend(scope));
  const byLevel = new Map(open.map((r) => [Math.min(r.level, SIGNAL_LEVEL_NAMES.length - 1), r.n]));
  return {
    openByLevel: SIGNAL_LEVEL_NAMES.map((level, i) => ({ level, count: byLevel.get(i) ?? 0 })),
    weekly: weekly.map((w) => ({ weekStart: w.week_start, opened: w.opened, resolved: w.resolved })),
  };
};

/** FROM and WHERE for the signals of the scope that meet `condition`; the case is joined only for its filters. */
function scoped(scope: DashboardScope, condition: SQL): SQL {
  const where = [condition];
  if (scope.type) where.push(sql`c.target_group = ${scope.type}`);
  if (scope.municipality) where.push(sql`c.municipality_code = ${scope.municipality}`);
  if (scope.organisation) where.push(sql`s.organisation_id = ${scope.organisation}`);
  const join = scope.type || scope.municipality ? sql` join case_facts c on c.id = s.case_id` : sql``;
  return sql`from signals s${join} where ${sql.join(where, sql` and `)}`;
}

const instant = (day: SQL) => sql`(${day})::timestamp at time zone 'Europe/Amsterdam'`;

/** The weeks (Monday, Europe/Amsterdam) of the period, each clipped to the period as instants [starts, ends). */
function weeks(scope: DashboardScope): SQL {
  return sql`select week_start, ${instant(sql`greatest(week_start, ${scope.from}::date)`)} as starts,
      ${instant(sql`least(week_start + 6, ${scope.to}::date) + 1`)} as ends
    from (select generate_series(date_trunc('week', ${scope.from}::date), ${scope.to}::date, interval '1 week')::date as week_start) g`;
}

/** Per week of the period: the signals of the scope opened and resolved in it. */
function weeklyTrend(scope: DashboardScope): SQL {
  return scope.type || scope.municipality ? weeklyOfCases(scope) : weeklyByIndex(scope);
}

/**
 * Without a case filter: each week counts its own range of created_at and resolved_at, so that it reads
 * only its slice of signals_created_idx / signals_resolved_idx and no instant is converted per row.
 */
function weeklyByIndex(scope: DashboardScope): SQL {
  const count = (column: SQL) =>
    sql`(select count(*)::int ${scoped(scope, sql`${column} >= w.starts and ${column} < w.ends`)})`;
  return sql`select w.week_start::text as week_start, ${count(sql`s.created_at`)} as opened,
      ${count(sql`s.resolved_at`)} as resolved
    from (${weeks(scope)}) w order by w.week_start`;
}

/** With a case filter: the few signals of the scope's cases, read once through their cases and grouped by week. */
function weeklyOfCases(scope: DashboardScope): SQL {
  const period = (column: SQL) =>
    sql`(${column} >= ${instant(sql`${scope.from}::date`)} and ${column} < ${instant(sql`${scope.to}::date + 1`)})`;
  const week = (column: SQL) => sql`date_trunc('week', (${column} at time zone 'Europe/Amsterdam')::date)::date`;
  const perWeek = (column: SQL) =>
    sql`select ${week(column)} as week_start, count(*)::int as n from of_cases where ${period(column)} group by 1`;
  return sql`with of_cases as (
      select s.created_at, s.resolved_at ${scoped(scope, sql`(${period(sql`s.created_at`)} or ${period(sql`s.resolved_at`)})`)}
    )
    select w.week_start::text as week_start, coalesce(o.n, 0) as opened, coalesce(r.n, 0) as resolved
    from (${weeks(scope)}) w
      left join (${perWeek(sql`created_at`)}) o on o.week_start = w.week_start
      left join (${perWeek(sql`resolved_at`)}) r on r.week_start = w.week_start
    order by w.week_start`;
}
