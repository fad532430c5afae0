import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Executor } from '@/db/types';
import type { IsoDay } from '@/lib/calendar/calendar-day';
import type { CasePause, StagnationAgreementStatus, StagnationCaseStatus, StagnationState } from './stagnation-state';
import { literalList } from '@/db/literal-list';
import { OPEN_AGREEMENT_STATUSES } from '@/lib/agreements/statuses';
import { ENDED_CASE_STATUSES } from '@/lib/cases/statuses';

const date = (v: unknown) => (v == null ? null : new Date(v as string));

/**
 * The sweep's snapshot in three set-based queries (cases with their activity, pauses, running agreements),
 * whatever the number of cases. Agreements that no longer run are most of the data and no rule reads them
 * one by one, so the database sums them up per case instead of sending them. Runs as the owner: the sweep
 * works for the whole house.
 */
export async function loadStagnationState(db: Executor): Promise<StagnationState> {
  const caseRows = await queryRows<{
    id: string;
    number: string;
    status: StagnationCaseStatus;
    created_at: string;
    triaged_at: string | null;
    last_activity_at: string | null;
    settled_count: number;
    last_closed_at: string | null;
  }>(
    db,
    // Per agreement the latest progress entry is one step down an index; a join over all progress entries
    // would read millions of rows of closed cases.
    sql`select c.id, c.number, c.status, c.created_at, c.triaged_at,
               greatest(m.last_at, g.last_at) as last_activity_at, coalesce(g.settled, 0) as settled_count, g.last_closed_at
        from cases c
        left join (
          select a.case_id, max(mt.starts_at) as last_at
          from cases oc join agenda_items a on a.case_id = oc.id join meetings mt on mt.id = a.meeting_id
          where oc.status not in (${literalList(ENDED_CASE_STATUSES)}) and mt.status in ('bezig', 'afgerond')
          group by a.case_id
        ) m on m.case_id = c.id
        left join (
          select g.case_id,
                 max(greatest(g.created_at, g.last_progress_at, x.at)) as last_at,
                 (count(*) filter (where g.status not in (${literalList(OPEN_AGREEMENT_STATUSES)})))::int as settled,
                 max(coalesce(g.completed_at, g.updated_at)) filter (where g.status not in (${literalList(OPEN_AGREEMENT_STATUSES)})) as last_closed_at
          from cases oc join agreements g on g.case_id = oc.id
          cross join lateral (select max(x.created_at) as at from agreement_actions x where x.agreement_id = g.id) x
          where oc.status not in (${literalList(ENDED_CASE_STATUSES)})
          group by g.case_id
        ) g on g.case_id = c.id
        where c.status not in (${literalList(ENDED_CASE_STATUSES)})`,
  );
  const pauseRows = await queryRows<{ case_id: string; kind: 'pause' | 'resume'; at: string }>(
    db,
    sql`select e.case_id, e.kind, e.at from case_events e join cases c on c.id = e.case_id
        where e.kind in ('pause', 'resume') and c.status not in (${literalList(ENDED_CASE_STATUSES)}) order by e.case_id, e.at`,
  );
  const agreementRows = await queryRows<{
    id: string;
    case_id: string;
    owner_organisation_id: string;
    status: StagnationAgreementStatus;
    created_at: string;
    due_date: IsoDay;
    original_due_date: IsoDay;
    due_date_moves: number;
    last_progress_at: string | null;
    blocked_at: string | null;
    blocked_reason: string | null;
    last_move_at: string | null;
  }>(
    db,
    sql`select g.id, g.case_id, g.owner_organisation_id, g.status, g.created_at, g.due_date::text as due_date,
               g.original_due_date::text as original_due_date, g.due_date_moves, g.last_progress_at, g.blocked_at,
               g.blocked_reason, (select max(d.at) from agreement_due_changes d where d.agreement_id = g.id) as last_move_at
        from agreements g join cases c on c.id = g.case_id
        where c.status not in (${literalList(ENDED_CASE_STATUSES)}) and g.status in (${literalList(OPEN_AGREEMENT_STATUSES)})`,
  );

  const pauses = new Map<string, CasePause[]>();
  for (const row of pauseRows) {
    const list = pauses.get(row.case_id) ?? [];
    if (row.kind === 'pause') list.push({ from: new Date(row.at), to: null });
    else if (list.length && list.at(-1)!.to === null) list.at(-1)!.to = new Date(row.at);
    pauses.set(row.case_id, list);
  }

  return {
    cases: caseRows.map((c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      createdAt: new Date(c.created_at),
      triagedAt: date(c.triaged_at),
      pauses: pauses.get(c.id) ?? [],
      lastActivityAt: date(c.last_activity_at),
      settledAgreements: { count: c.settled_count, lastClosedAt: date(c.last_closed_at) },
    })),
    agreements: agreementRows.map((g) => ({
      id: g.id,
      caseId: g.case_id,
      ownerOrganisationId: g.owner_organisation_id,
      status: g.status,
      createdAt: new Date(g.created_at),
      dueDate: g.due_date,
      originalDueDate: g.original_due_date,
      dueDateMoves: g.due_date_moves,
      lastProgressAt: date(g.last_progress_at),
      blockedAt: date(g.blocked_at),
      blockedReason: g.blocked_reason,
      lastDueDateMoveAt: date(g.last_move_at),
      closedAt: null,
    })),
  };
}
