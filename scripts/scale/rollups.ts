import type { BulkSession } from './bulk';

/*
 * The dashboard's rollups (drizzle/0037) are kept by statement triggers on these tables. A bulk load
 * switches them off while it copies (a trigger per COPY chunk would recompute the same days again and
 * again) and rebuilds every rollup once at the end, set-based, with the function the migration's backfill
 * uses. Inside the load's transaction, like the dropped indexes: nobody sees the triggers off.
 */
const TABLES = ['cases', 'case_partners', 'referral_matches', 'agreements', 'signals'];
const TRIGGERS = ['dashboard_rollup_insert', 'dashboard_rollup_update', 'dashboard_rollup_delete'];

export async function suspendRollups(session: BulkSession): Promise<() => Promise<void>> {
  const toggle = async (action: 'disable' | 'enable') => {
    for (const table of TABLES) {
      for (const trigger of TRIGGERS) await session.query(`alter table ${table} ${action} trigger ${trigger}`);
    }
  };
  await toggle('disable');
  return async () => {
    await session.query('select dashboard_rollups_rebuild()');
    await toggle('enable');
  };
}
