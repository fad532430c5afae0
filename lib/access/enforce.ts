import type { Actor } from '@/lib/actor';
import { auditDenied } from '@/lib/audit/record';
import { forbidden, NotFoundError, type NotFoundKind } from '@/lib/errors';
import { authorize, isRefused, type Action, type Outcome, type RelationOf } from './policy';

/** What a refusal leaves in the audit log: the entity asked for and what was attempted. */
export interface DeniedEntry {
  entity: string;
  entityId?: string;
  attempted: string;
}

/**
 * Asks the policy and refuses what it refuses: the attempt is audited (in its own transaction), then
 * answered 404 (a `NotFoundError` of `kind`) or 403. Returns the outcome it allowed.
 */
export async function enforce<A extends Action>(
  actor: Actor,
  action: A,
  denied: DeniedEntry & { kind: NotFoundKind },
  relation?: RelationOf<A>,
): Promise<Exclude<Outcome, 'not-found' | 'forbidden'>> {
  const outcome = authorize(actor, action, relation);
  if (!isRefused(outcome)) return outcome;
  await auditDenied(actor, {
    action: 'denied',
    entity: denied.entity,
    entityId: denied.entityId,
    details: { attempted: denied.attempted },
  });
  throw outcome === 'not-found' ? new NotFoundError(denied.kind) : forbidden();
}
