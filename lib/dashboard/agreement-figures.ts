import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Tx } from '@/db/types';
import type { PartnerRow } from './dashboard-view';
import { nullableNumber } from './scope-sql';

export interface AgreementRow extends Omit<PartnerRow, 'organisationId' | 'name' | 'shortName' | 'notDoneNoLongerPossible' | 'notDoneNotCarriedOut'> {
  total: boolean;
  organisationId: string | null;
  name: string | null;
  shortName: string | null;
}

/**
 * Per partner organisation and in total (grouping sets), worst stagnation first, from the per-owner
 * counts of `perOwner` (see FigureReader.perOwner).
 */
export async function agreementFigures(tx: Tx, perOwner: SQL): Promise<AgreementRow[]> {
  const overdue = sql`sum(p.overdue)`;
  const averageDaysOverdue = sql`sum(p.days_overdue) / nullif(${overdue}, 0)`;
  const onTimePercent = sql`round(100.0 * sum(p.on_time) / nullif(sum(p.due), 0))`;
  const rows = await queryRows<Record<string, string | number | boolean | null>>(
    tx,
    sql`select grouping(p.organisation_id) = 1 as total, p.organisation_id, p.name, p.short_name,
        coalesce(sum(p.open), 0)::int as open, coalesce(${overdue}, 0)::int as overdue,
        coalesce(sum(p.due), 0)::int as due, coalesce(sum(p.on_time), 0)::int as on_time,
        ${onTimePercent}::int as on_time_percent, round(${averageDaysOverdue}, 1) as average_days_overdue
      from (${perOwner}) p
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
