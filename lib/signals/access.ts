import type { Actor } from '@/lib/actor';
import { auditDenied } from '@/lib/audit/record';
import { AppError, msg } from '@/lib/errors';

/*
 * Who may do what with signals (drizzle/0011_signals_rls.sql enforces the same underneath):
 * regisseurs read, resolve and snooze; managers read (pseudonymised: no free text); anyone else does not
 * know signals exist and gets 404.
 */

export const signalNotFound = () => new AppError('NOT_FOUND', msg('signals.notFound'));

export function canReadSignals(actor: Actor): boolean {
  return actor.role === 'regisseur' || actor.role === 'manager';
}

/** Refuses (audited) anyone who may not read signals, as 404. */
export async function assertSignalReader(actor: Actor, attempted: string): Promise<void> {
  if (canReadSignals(actor)) return;
  await auditDenied(actor, { action: 'denied', entity: 'signal', details: { attempted } });
  throw new AppError('NOT_FOUND', msg('common.notFound'));
}

/** Only a regisseur changes a signal; a manager, who can see it, gets 403; anyone else 404. */
export async function assertSignalEditor(actor: Actor, signalId: string, attempted: string): Promise<void> {
  if (actor.role === 'regisseur') return;
  await auditDenied(actor, { action: 'denied', entity: 'signal', entityId: signalId, details: { attempted } });
  throw actor.role === 'manager'
    ? new AppError('FORBIDDEN', msg('signals.onlyRegisseurHandles'))
    : signalNotFound();
}
