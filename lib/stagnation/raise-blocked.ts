import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/query';
import type { Executor } from '@/db/types';
import { blocked } from './agreement-rules';

/**
 * Opens the "reported blocked" signal of an agreement in the caller's transaction, the moment the blockade
 * is reported, worded by the sweep's own rule. The database opens it only while the agreement is blocked and
 * runs, and never beside an open one (or one a regisseur resolved for this same blockade): the next sweep
 * finds it open and adds nothing. Returns the new signal's id, or null when none was needed.
 */
export async function raiseBlockedSignal(
  tx: Executor,
  agreement: { id: string; caseId: string; blockedAt: Date },
  now: Date,
): Promise<string | null> {
  const signal = blocked(agreement);
  if (!signal) return null;
  const [row] = await queryRows<{ id: string | null }>(
    tx,
    sql`select app_raise_blocked_signal(${agreement.id}::uuid, ${signal.message}, ${now.toISOString()}::timestamptz) as id`,
  );
  return row?.id ?? null;
}
