import { and, eq, sql } from 'drizzle-orm';
import { caseEvents, cases } from '@/db/schema';
import type { Tx } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { conflict } from '@/lib/errors';
import type { CaseRef } from './access';

type CaseEvent = typeof caseEvents.$inferInsert;

/** The timeline line and the audit entry of one change of a case. */
export interface CaseChange {
  kind: CaseEvent['kind'];
  at: Date;
  fromStatus?: CaseEvent['fromStatus'];
  toStatus?: CaseEvent['toStatus'];
  reason?: CaseEvent['reason'];
  data?: Record<string, unknown> | null;
  /** What the audit entry records of the change: identifiers and field names, never free text. */
  audit: Record<string, unknown>;
}

/**
 * A change made on a version that is no longer current answers 409 before anything else is checked: the
 * user must see the case as it is now first.
 */
export function assertCurrentVersion(ref: CaseRef, expectedVersion: number): void {
  if (ref.version !== expectedVersion) throw conflict();
}

/**
 * Writes one change of a case in the caller's transaction: the update (only if the case is still at
 * `expectedVersion`, else 409), its next version and time, the timeline event and the audit entry.
 */
export async function commitCaseChange(
  tx: Tx,
  actor: Actor,
  caseId: string,
  expectedVersion: number,
  patch: Partial<typeof cases.$inferInsert>,
  change: CaseChange,
) {
  const [updated] = await tx
    .update(cases)
    .set({ ...patch, updatedAt: change.at, version: sql`${cases.version} + 1` })
    .where(and(eq(cases.id, caseId), eq(cases.version, expectedVersion)))
    .returning({ version: cases.version, status: cases.status, number: cases.number });
  if (!updated) throw conflict();
  await tx.insert(caseEvents).values({
    caseId,
    kind: change.kind,
    fromStatus: change.fromStatus,
    toStatus: change.toStatus,
    reason: change.reason,
    data: change.data,
    actorUserId: actor.userId,
    at: change.at,
  });
  await audit(tx, subjectOf(actor), {
    action: 'update',
    entity: 'case',
    entityId: caseId,
    caseId,
    caseNumber: updated.number,
    details: change.audit,
  });
  return updated;
}
