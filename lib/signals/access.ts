import { authorize, isRefused } from '@/lib/access/policy';
import type { Actor } from '@/lib/actor';
import { auditDenied } from '@/lib/audit/record';
import { AppError, msg, NotFoundError } from '@/lib/errors';

/*
 * Who may do what with signals is lib/access/signals.ts (drizzle/0011_signals_rls.sql enforces the same
 * underneath); these are its guards, which audit every refusal.
 */

export const signalNotFound = () => new NotFoundError('signal', msg('signals.notFound'));

export function canReadSignals(actor: Actor): boolean {
  return !isRefused(authorize(actor, 'signal.list'));
}

/** Refuses (audited) anyone who may not read signals, as 404. */
export async function assertSignalReader(actor: Actor, attempted: string): Promise<void> {
  if (canReadSignals(actor)) return;
  await auditDenied(actor, { action: 'denied', entity: 'signal', details: { attempted } });
  throw new NotFoundError('signal');
}

/** Only a regisseur changes a signal; a manager, who can see it, gets 403; anyone else 404. */
export async function assertSignalEditor(actor: Actor, signalId: string, action: 'signal.resolve' | 'signal.snooze'): Promise<void> {
  const outcome = authorize(actor, action);
  if (!isRefused(outcome)) return;
  await auditDenied(actor, { action: 'denied', entity: 'signal', entityId: signalId, details: { attempted: action } });
  throw outcome === 'forbidden'
    ? new AppError('FORBIDDEN', msg('signals.onlyRegisseurHandles'))
    : signalNotFound();
}
