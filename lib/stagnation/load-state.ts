import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Executor } from '@/db/types';
import type { IsoDay } from './calendar-day';
import type { CasePause, StagnationAgreementStatus, StagnationCaseStatus, StagnationState } from './stagnation-state';
import { oneByOne } from '@/db/one-by-one';

const date = (v: unknown) => (v == null ? null : new Date(v as string));

/**
 * The sweep's snapshot in four set-based queries (cases, pauses, last activity, agreements), whatever the
 * number of cases: no query per case. Runs as the owner: the sweep works for the whole house.
 */
export async function loadStagnationState(db: Executor): Promise<StagnationState> {
  const [caseRows, pauseRows, activityRows, agreementRows] = await oneByOne([
    () =>
      queryRows<{ id: string; number: string; status: StagnationCaseStatus; created_at: string; triaged_at: string | null }>(
        db,
        sql`select id, number, status, created_at, triaged_at from cases where status not in ('afgesloten', 'afgewezen')`,
      ),
    () =>
      queryRows<{ case_id: string; kind: 'pause' | 'resume'; at: string }>(
        db,
        sql`select e.case_id, e.kind, e.at from case_events e join cases c on c.id = e.case_id
            where e.kind in ('pause', 'resume') and c.status not in ('afgesloten', 'afgewezen') order by e.case_id, e.at`,
      ),
    () =>
      queryRows<{ case_id: string; last_at: string }>(
        db,
        sql`select case_id, max(at) as last_at from (
              select a.case_id, m.starts_at as at from agenda_items a join meetings m on m.id = a.meeting_id
                where a.case_id is not null and m.status in ('bezig', 'afgerond')
              union all select case_id, created_at from agreements
              union all select g.case_id, x.created_at from agreement_actions x join agreements g on g.id = x.agreement_id
            ) activity group by case_id`,
      ),
    () =>
      queryRows<{
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
        completed_at: string | null;
        updated_at: string;
        last_move_at: string | null;
      }>(
        db,
        sql`select g.id, g.case_id, g.owner_organisation_id, g.status, g.created_at, g.due_date::text as due_date,
                   g.original_due_date::text as original_due_date, g.due_date_moves, g.last_progress_at, g.blocked_at,
                   g.blocked_reason, g.completed_at, g.updated_at,
                   (select max(d.at) from agreement_due_changes d where d.agreement_id = g.id) as last_move_at
            from agreements g join cases c on c.id = g.case_id
            where c.status not in ('afgesloten', 'afgewezen')`,
      ),
  ]);

  const pauses = new Map<string, CasePause[]>();
  for (const row of pauseRows) {
    const list = pauses.get(row.case_id) ?? [];
    if (row.kind === 'pause') list.push({ from: new Date(row.at), to: null });
    else if (list.length && list.at(-1)!.to === null) list.at(-1)!.to = new Date(row.at);
    pauses.set(row.case_id, list);
  }
  const activity = new Map(activityRows.map((r) => [r.case_id, new Date(r.last_at)]));

  return {
    cases: caseRows.map((c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      createdAt: new Date(c.created_at),
      triagedAt: date(c.triaged_at),
      pauses: pauses.get(c.id) ?? [],
      lastActivityAt: activity.get(c.id) ?? null,
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
      closedAt: g.status === 'open' || g.status === 'in_uitvoering' ? null : (date(g.completed_at) ?? new Date(g.updated_at)),
    })),
  };
}
