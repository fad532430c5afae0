import type { BulkSession } from './bulk';

/*
 * The dashboard's rollups (drizzle/0037) are kept by statement triggers on these tables. A bulk load
 * switches them off while it copies (a trigger per COPY chunk would recompute the same days again and
 * again) and rebuilds every rollup once at the end, set-based, with the function the migration's backfill
 * uses. Inside the load's transaction, like the dropped indexes: nobody sees the triggers off.
 */
const TABLES = ['cases', 'case_partners', 'referral_matches', 'agreements', 'signals'];
const TRIGGERS = ['dashboard_rollup_insert', 'dashboard_rollup_update', 'dashboard_rollup_delete'];
/*
 * The live meeting's row triggers (drizzle/0028) take an advisory lock per meeting to order its events;
 * a load of 200,000 cases writes ~230,000 meetings in one transaction, more locks than the server's lock
 * table holds ("out of shared memory"). Nobody follows a meeting that is still being loaded.
 */
const LIVE_TRIGGERS: [table: string, trigger: string][] = [
  ['meetings', 'meeting_events_meetings'],
  ['meeting_invitees', 'meeting_events_invitees'],
  ['agenda_items', 'meeting_events_items'],
  ['agreements', 'meeting_events_agreements'],
  ['agreement_confirmations', 'meeting_events_confirmations'],
];
const ALL = [...TABLES.flatMap((table) => TRIGGERS.map((trigger): [string, string] => [table, trigger])), ...LIVE_TRIGGERS];

export async function suspendWriteTriggers(session: BulkSession): Promise<() => Promise<void>> {
  const toggle = async (action: 'disable' | 'enable') => {
    for (const [table, trigger] of ALL) await session.query(`alter table ${table} ${action} trigger ${trigger}`);
  };
  await toggle('disable');
  return async () => {
    await session.query('select dashboard_rollups_rebuild()');
    await toggle('enable');
  };
}
