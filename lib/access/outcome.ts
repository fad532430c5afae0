import type { UserRole } from '@/db/schema';

/**
 * What the policy answers for one role, action and relation:
 * - allow: the full thing;
 * - shared: the partner's view (what a convened or invited organisation may know);
 * - pseudonymised: no name, birth date, address or free text (and small counts suppressed);
 * - receipt: the referrer's view of a case (number, status, triage outcome);
 * - not-found: 404, so that the resource's existence does not leak;
 * - forbidden: 403, for something the actor may know exists but may not do.
 */
export const OUTCOMES = ['allow', 'shared', 'pseudonymised', 'receipt', 'not-found', 'forbidden'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type Refusal = 'not-found' | 'forbidden';

export const ROLES: readonly UserRole[] = ['regisseur', 'professional', 'manager', 'admin', 'partnerbeheer'];

/** One action for one role: an outcome, or an outcome per relation of the actor to the resource. */
export type Rule<R extends string = never> = [R] extends [never] ? Outcome : Record<R, Outcome>;

/** A resource's policy: for every role, every action. */
export type PolicyTable<A extends string, R extends string = never> = Record<UserRole, Record<A, Rule<R>>>;

export function isRefused(outcome: Outcome): outcome is Refusal {
  return outcome === 'not-found' || outcome === 'forbidden';
}

/** The same outcome for every relation. */
export function everywhere<R extends string>(relations: readonly R[], outcome: Outcome): Record<R, Outcome> {
  return Object.fromEntries(relations.map((r) => [r, outcome])) as Record<R, Outcome>;
}

/** A value for every role. */
export function byRole<T>(fn: (role: UserRole) => T): Record<UserRole, T> {
  return { regisseur: fn('regisseur'), professional: fn('professional'), manager: fn('manager'), admin: fn('admin'), partnerbeheer: fn('partnerbeheer') };
}
