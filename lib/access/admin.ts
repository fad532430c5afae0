import type { UserRole } from '@/db/schema';
import type { Outcome, PolicyTable } from './outcome';

/*
 * Functioneel beheer: users, invitations, organisations, settings (stagnation, retention), the audit log
 * and the dev mailbox. Admins only; to anyone else the admin screens do not even admit they exist (404).
 * Four eyes on access: a grant is decided by another admin, or by a regisseur (for professionals) or a
 * manager (for admins), on the Goedkeuringen page.
 * A partnerbeheerder manages the users of its own organisation (partner.users; the organisation scope is
 * lib/users/partner-admin.ts and RLS, drizzle/0042): the admin screens do not exist for it, nor it for them.
 */
export const ADMIN_ACTIONS = [
  'admin.users',
  'admin.invitations',
  'admin.organisations',
  'admin.settings',
  'admin.audit',
  'admin.mailbox',
  'accessGrant.decide',
  'partner.users',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

const adminOnly = (role: UserRole): Record<Exclude<AdminAction, 'accessGrant.decide' | 'partner.users'>, Outcome> => {
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

/** A grant is decided by its relation: the role it gives (a professional's access, an admin's...). */
export const GRANT_RELATIONS = ['professional', 'regisseur', 'manager', 'admin', 'partnerbeheer'] as const satisfies readonly UserRole[];
export type GrantRelation = (typeof GRANT_RELATIONS)[number];
export const GRANT_ACTIONS = ['accessGrant.approve'] as const;
export type GrantAction = (typeof GRANT_ACTIONS)[number];

const grantsOf = (...roles: GrantRelation[]) =>
  Object.fromEntries(GRANT_RELATIONS.map((r) => [r, roles.includes(r) ? 'allow' : 'not-found'])) as Record<GrantRelation, Outcome>;

/**
 * Who approves or rejects a grant of each role, besides "not the requester, not the user it is for"
 * (lib/users/access-grants.ts): another admin always; a regisseur for a professional; a manager for an
 * admin. To anyone else the grant does not exist. A partnerbeheerder asks (for its own organisation's
 * professionals) but never decides: its request waits for the house like an admin's.
 */
export const GRANT_POLICY: PolicyTable<GrantAction, GrantRelation> = {
  admin: { 'accessGrant.approve': grantsOf('professional', 'regisseur', 'manager', 'admin', 'partnerbeheer') },
  regisseur: { 'accessGrant.approve': grantsOf('professional') },
  manager: { 'accessGrant.approve': grantsOf('admin') },
  professional: { 'accessGrant.approve': grantsOf() },
  partnerbeheer: { 'accessGrant.approve': grantsOf() },
};

export const ADMIN_POLICY: PolicyTable<AdminAction> = {
  admin: { ...adminOnly('admin'), 'accessGrant.decide': 'allow', 'partner.users': 'not-found' },
  regisseur: { ...adminOnly('regisseur'), 'accessGrant.decide': 'allow', 'partner.users': 'not-found' },
  manager: { ...adminOnly('manager'), 'accessGrant.decide': 'allow', 'partner.users': 'not-found' },
  professional: { ...adminOnly('professional'), 'accessGrant.decide': 'not-found', 'partner.users': 'not-found' },
  // Its own organisation's users only: 'shared' is the organisation's view (lib/users/partner-admin.ts).
  partnerbeheer: { ...adminOnly('partnerbeheer'), 'accessGrant.decide': 'not-found', 'partner.users': 'shared' },
};
