import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Tx } from '@/db/types';
import type { DashboardScope } from '@/lib/dashboard/query';
import type { SignalFigures, SignalSource } from '@/lib/dashboard/signals';
import { SIGNAL_LEVEL_NAMES } from './levels';

/**
 * The stagnation part of the managers' dashboard (lib/dashboard/signals.ts): signals open now per level,
 * and per week of the period how many opened and how many were resolved. Scoped like the dashboard:
 * target group and municipality through the case (signals about an organisation as a whole then drop
 * out), the organisation through the organisation a signal is about. Two aggregate queries, run as the
 * signed-in manager or regisseur (row-level security applies); no case is named.
 */
export const signalFigures: SignalSource = async (tx: Tx, scope: DashboardScope): Promise<SignalFigures> => {
  const filters = sql`
    (${scope.type ?? null}::text is null or c.target_group::text = ${scope.type ?? null})
    and (${scope.municipality ?? null}::text is null or c.municipality_code = ${scope.municipality ?? null})
    and (${scope.organisation ?? null}::uuid is null or s.organisation_id = ${scope.organisation ?? null}::uuid)`;
  const open = await queryRows<{ level: number; n: number }>(
    tx,
    sql`select s.level, count(*)::int as n from signals s left join case_facts c on c.id = s.case_id
        where s.status <> 'resolved' and ${filters} group by s.level`,
  );
  const weekly = await queryRows<{ week_start: string; opened: number; resolved: number }>(
    tx,
    sql`with weeks as (
          select generate_series(date_trunc('week', ${scope.from}::date), ${scope.to}::date, interval '1 week')::date as week_start
        ),
        scoped as (
          select (s.created_at at time zone 'Europe/Amsterdam')::date as opened_on,
                 (s.resolved_at at time zone 'Europe/Amsterdam')::date as resolved_on
          from signals s left join case_facts c on c.id = s.case_id
          where ${filters}
        )
        select w.week_start::text as week_start,
          (select count(*)::int from scoped where opened_on between greatest(w.week_start, ${scope.from}::date)
             and least(w.week_start + 6, ${scope.to}::date)) as opened,
          (select count(*)::int from scoped where resolved_on between greatest(w.week_start, ${scope.from}::date)
             and least(w.week_start + 6, ${scope.to}::date)) as resolved
        from weeks w order by w.week_start`,
  );
  const byLevel = new Map(open.map((r) => [Math.min(r.level, SIGNAL_LEVEL_NAMES.length - 1), r.n]));
  return {
    openByLevel: SIGNAL_LEVEL_NAMES.map((level, i) => ({ level, count: byLevel.get(i) ?? 0 })),
    weekly: weekly.map((w) => ({ weekStart: w.week_start, opened: w.opened, resolved: w.resolved })),
  };
};
