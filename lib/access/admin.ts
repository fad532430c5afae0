import type { UserRole } from '@/db/schema';
import type { Outcome, PolicyTable } from './outcome';

/*
 * Functioneel beheer: users, invitations, organisations, settings (stagnation, retention), the audit log
 * and the dev mailbox. Admins only; to anyone else the admin screens do not even admit they exist (404).
 * Four eyes on access: a grant is decided by another admin, or by a regisseur (for professionals) or a
 * manager (for admins), on the Goedkeuringen page.
 */
export const ADMIN_ACTIONS = [
  'admin.users',
  'admin.invitations',
  'admin.organisations',
  'admin.settings',
  'admin.audit',
  'admin.mailbox',
  'accessGrant.decide',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

const adminOnly = (role: UserRole): Record<Exclude<AdminAction, 'accessGrant.decide'>, Outcome> => {
  const outcome: Outcome = role === 'admin' ? 'allow' : 'not-found';
  return {
    'admin.users': outcome,
    'admin.invitations': outcome,
    'admin.organisations': outcome,
    'admin.settings': outcome,
    'admin.audit': outcome,
    'admin.mailbox': outcome,
  };
};

export const ADMIN_POLICY: PolicyTable<AdminAction> = {
  admin: { ...adminOnly('admin'), 'accessGrant.decide': 'allow' },
  regisseur: { ...adminOnly('regisseur'), 'accessGrant.decide': 'allow' },
  manager: { ...adminOnly('manager'), 'accessGrant.decide': 'allow' },
  professional: { ...adminOnly('professional'), 'accessGrant.decide': 'not-found' },
};
