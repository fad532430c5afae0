import type { UserRole } from '@/db/schema';

/**
 * Who may do what to a case, as data. The relation is how the actor stands to that case:
 * - convened: the actor's organisation is a convened partner of the case now;
 * - referrer: the actor referred the case, and the organisation is not convened;
 * - none: neither (for a regisseur this changes nothing: regisseurs work for the whole house).
 * Decisions: allow; shared (the partner's view); pseudonymised (no name, birth date, address or free
 * text); receipt (the referrer's view: number, status, triage outcome); forbidden (403 on a case the
 * actor can see); hidden (404, so that the case's existence does not leak).
 */
export const RELATIONS = ['convened', 'referrer', 'none'] as const;
export type Relation = (typeof RELATIONS)[number];

export const CASE_ACTIONS = [
  'case.list',
  'case.create',
  'case.view',
  'case.update',
  'case.transition',
  'case.audit',
  // Inzage (AVG art. 15): everything the house holds on the subject of the case, as one export.
  'case.subjectAccess',
  'partner.list',
  'partner.add',
  'partner.end',
  'partner.lead',
  'agreement.list',
  'agreement.create',
  'agreement.update',
  'agreement.log',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type Decision = 'allow' | 'shared' | 'pseudonymised' | 'receipt' | 'forbidden' | 'hidden';

type Row = Record<Relation, Decision>;
const all = (d: Decision): Row => ({ convened: d, referrer: d, none: d });
const professionalWrite: Row = { convened: 'forbidden', referrer: 'forbidden', none: 'hidden' };

export const MATRIX: Record<UserRole, Record<CaseAction, Row>> = {
  regisseur: {
    'case.list': all('allow'),
    'case.create': all('allow'),
    'case.view': all('allow'),
    'case.update': all('allow'),
    'case.transition': all('allow'),
    'case.audit': all('allow'),
    'case.subjectAccess': all('allow'),
    'partner.list': all('allow'),
    'partner.add': all('allow'),
    'partner.end': all('allow'),
    'partner.lead': all('allow'),
    'agreement.list': all('allow'),
    'agreement.create': all('allow'),
    'agreement.update': all('allow'),
    'agreement.log': all('allow'),
  },
  professional: {
    'case.list': all('shared'),
    'case.create': all('allow'),
    'case.view': { convened: 'shared', referrer: 'receipt', none: 'hidden' },
    'case.update': professionalWrite,
    'case.transition': professionalWrite,
    'case.audit': professionalWrite,
    'case.subjectAccess': professionalWrite,
    'partner.list': { convened: 'allow', referrer: 'hidden', none: 'hidden' },
    'partner.add': professionalWrite,
    'partner.end': professionalWrite,
    'partner.lead': professionalWrite,
    'agreement.list': { convened: 'allow', referrer: 'hidden', none: 'hidden' },
    'agreement.create': professionalWrite,
    'agreement.update': professionalWrite,
    // Further limited in lib/agreements: only the owning organisation logs progress on an agreement.
    'agreement.log': { convened: 'allow', referrer: 'forbidden', none: 'hidden' },
  },
  manager: {
    'case.list': all('pseudonymised'),
    'case.create': all('forbidden'),
    'case.view': all('pseudonymised'),
    'case.update': all('forbidden'),
    'case.transition': all('forbidden'),
    'case.audit': all('forbidden'),
    'case.subjectAccess': all('forbidden'),
    'partner.list': all('pseudonymised'),
    'partner.add': all('forbidden'),
    'partner.end': all('forbidden'),
    'partner.lead': all('forbidden'),
    'agreement.list': all('pseudonymised'),
    'agreement.create': all('forbidden'),
    'agreement.update': all('forbidden'),
    'agreement.log': all('forbidden'),
  },
  // Functioneel beheer sees no case content at all, not even that a case exists.
  admin: {
    'case.list': all('forbidden'),
    'case.create': all('forbidden'),
    'case.view': all('hidden'),
    'case.update': all('hidden'),
    'case.transition': all('hidden'),
    'case.audit': all('hidden'),
    'case.subjectAccess': all('hidden'),
    'partner.list': all('hidden'),
    'partner.add': all('hidden'),
    'partner.end': all('hidden'),
    'partner.lead': all('hidden'),
    'agreement.list': all('hidden'),
    'agreement.create': all('hidden'),
    'agreement.update': all('hidden'),
    'agreement.log': all('hidden'),
  },
  // A partnerbeheerder manages its organisation's users and counts its convened cases (lib/users);
  // of the cases themselves it sees nothing, not even that one exists.
  partnerbeheer: {
    'case.list': all('forbidden'),
    'case.create': all('forbidden'),
    'case.view': all('hidden'),
    'case.update': all('hidden'),
    'case.transition': all('hidden'),
    'case.audit': all('hidden'),
    'case.subjectAccess': all('hidden'),
    'partner.list': all('hidden'),
    'partner.add': all('hidden'),
    'partner.end': all('hidden'),
    'partner.lead': all('hidden'),
    'agreement.list': all('hidden'),
    'agreement.create': all('hidden'),
    'agreement.update': all('hidden'),
    'agreement.log': all('hidden'),
  },
};

export function decide(role: UserRole, action: CaseAction, relation: Relation): Decision {
  return MATRIX[role][action][relation];
}

export function isDenied(decision: Decision): decision is 'forbidden' | 'hidden' {
  return decision === 'forbidden' || decision === 'hidden';
}
