import { asSystem } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { changePassword } from './account';
import { completeSignIn, type PendingSignIn, type RequestMeta } from './credentials';
import { regenerateRecoveryCodes, startEnrolment, totpOf, unusedRecoveryCodes } from './second-factor';

/*
 * A user's own account, for the account page and the sign-in steps: each step one transaction as the
 * system (the account tables are not the app role's), so pages and actions need not open one themselves.
 */

export function changeOwnPassword(actor: Actor, input: unknown) {
  return asSystem((tx) => changePassword(tx, actor, input));
}

export function regenerateOwnRecoveryCodes(actor: Actor, input: unknown) {
  return asSystem((tx) => regenerateRecoveryCodes(tx, actor, input));
}

/** The second factor as the account page shows it: the app (if any) and how many recovery codes are left. */
export function ownSecondFactor(userId: string) {
  return asSystem(async (tx) => ({ totp: await totpOf(tx, userId), codes: await unusedRecoveryCodes(tx, userId) }));
}

export function finishSignIn(pending: PendingSignIn, code: string, meta: RequestMeta, mode: 'verify' | 'enrol') {
  return asSystem((tx) => completeSignIn(tx, pending, code, meta, mode));
}

export function beginEnrolment(userId: string) {
  return asSystem((tx) => startEnrolment(tx, userId));
}
