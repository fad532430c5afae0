import { CASE_ACTIONS, MATRIX, RELATIONS, type CaseAction, type Decision, type Relation } from './matrix';
import { byRole, type Outcome, type PolicyTable } from './outcome';

/*
 * Cases and what hangs on a case (partners, agreements, the subject-access export): the permission
 * matrix of lib/access/matrix.ts, read as policy. Its 'hidden' is the policy's 'not-found'.
 * Plus the agreement work that is decided by organisation rather than by case.
 */

export { CASE_ACTIONS, RELATIONS as CASE_RELATIONS };
export type { CaseAction, Relation as CaseRelation };

const asOutcome = (decision: Decision): Outcome => (decision === 'hidden' ? 'not-found' : decision);

export const CASE_POLICY: PolicyTable<CaseAction, Relation> = byRole(
  (role) =>
    Object.fromEntries(
      CASE_ACTIONS.map((action) => [
        action,
        Object.fromEntries(RELATIONS.map((relation) => [relation, asOutcome(MATRIX[role][action][relation])])),
      ]),
    ) as Record<CaseAction, Record<Relation, Outcome>>,
);

/** How the actor's organisation stands to an agreement: it carries it out, or not. */
export const AGREEMENT_RELATIONS = ['owner', 'other'] as const;
export type AgreementRelation = (typeof AGREEMENT_RELATIONS)[number];

export const AGREEMENT_ACTIONS = [
  // The house's agreement list (regisseur) and "Mijn afspraken" (a professional: their organisation's).
  'agreement.overview',
  // Progress and status reports on a case the actor may log on: only the owning organisation, or a regisseur.
  'agreement.progress',
  // Akkoord on an agreement made in a meeting: the owning organisation's professional only.
  'agreement.confirm',
] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

const ownerOnly = { owner: 'allow', other: 'forbidden' } as const;
const nobody = { owner: 'not-found', other: 'not-found' } as const;

export const AGREEMENT_POLICY: PolicyTable<'agreement.overview'> & PolicyTable<Exclude<AgreementAction, 'agreement.overview'>, AgreementRelation> = {
  regisseur: { 'agreement.overview': 'allow', 'agreement.progress': { owner: 'allow', other: 'allow' }, 'agreement.confirm': nobody },
  professional: { 'agreement.overview': 'shared', 'agreement.progress': ownerOnly, 'agreement.confirm': { owner: 'allow', other: 'not-found' } },
  manager: { 'agreement.overview': 'forbidden', 'agreement.progress': nobody, 'agreement.confirm': nobody },
  admin: { 'agreement.overview': 'forbidden', 'agreement.progress': nobody, 'agreement.confirm': nobody },
  partnerbeheer: { 'agreement.overview': 'forbidden', 'agreement.progress': nobody, 'agreement.confirm': nobody },
};
