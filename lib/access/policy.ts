import type { UserRole } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import {
  ADMIN_ACTIONS,
  ADMIN_POLICY,
  GRANT_ACTIONS,
  GRANT_POLICY,
  GRANT_RELATIONS,
  type AdminAction,
  type GrantAction,
  type GrantRelation,
} from './admin';
import {
  AGREEMENT_ACTIONS,
  AGREEMENT_POLICY,
  AGREEMENT_RELATIONS,
  CASE_ACTIONS,
  CASE_POLICY,
  CASE_RELATIONS,
  type AgreementAction,
  type AgreementRelation,
  type CaseAction,
  type CaseRelation,
} from './cases';
import {
  DATA_SUBJECT_REQUEST_ACTIONS,
  DATA_SUBJECT_REQUEST_POLICY,
  DATA_SUBJECT_TASK_ACTIONS,
  DATA_SUBJECT_TASK_POLICY,
  DATA_SUBJECT_TASK_RELATIONS,
  type DataSubjectRequestAction,
  type DataSubjectTaskAction,
  type DataSubjectTaskRelation,
} from './data-subject-requests';
import { DASHBOARD_ACTIONS, DASHBOARD_POLICY, type DashboardAction } from './dashboard';
import {
  MEETING_ACTIONS,
  MEETING_POLICY,
  MEETING_RELATED_ACTIONS,
  MEETING_RELATIONS,
  type MeetingAction,
  type MeetingRelation,
} from './meetings';
import { byRole, type Outcome } from './outcome';
import { SECTION_POLICY, SECTIONS, type SectionAction } from './sections';
import { SIGNAL_ACTIONS, SIGNAL_POLICY, type SignalAction } from './signals';

/**
 * Who may do what to any resource of the house, in one place: role × action × relation → outcome.
 * The tables live beside this file, one per resource; every decision in lib/ and app/ asks authorize().
 * Generated tests (lib/access/*.matrix.test.ts) prove each cell against the real lib functions.
 */

export type Action =
  | CaseAction
  | AgreementAction
  | MeetingAction
  | SignalAction
  | DashboardAction
  | AdminAction
  | GrantAction
  | SectionAction
  | DataSubjectRequestAction
  | DataSubjectTaskAction;

type RelatedAgreementAction = Exclude<AgreementAction, 'agreement.overview'>;
type MeetingRelatedAction = (typeof MEETING_RELATED_ACTIONS)[number];

/** How an actor may stand to the resource of an action (none for actions decided by role alone). */
export type RelationOf<A extends Action> = A extends CaseAction
  ? CaseRelation
  : A extends RelatedAgreementAction
    ? AgreementRelation
    : A extends MeetingRelatedAction
      ? MeetingRelation
      : A extends GrantAction
        ? GrantRelation
        : A extends DataSubjectTaskAction
          ? DataSubjectTaskRelation
          : never;

/** Every resource with its actions and the relations its rules distinguish (none: decided by role). */
export const RESOURCES = {
  case: { actions: CASE_ACTIONS, relations: CASE_RELATIONS },
  agreement: { actions: AGREEMENT_ACTIONS, relations: AGREEMENT_RELATIONS },
  meeting: { actions: [...MEETING_ACTIONS, ...MEETING_RELATED_ACTIONS], relations: MEETING_RELATIONS },
  signal: { actions: SIGNAL_ACTIONS, relations: [] },
  dashboard: { actions: DASHBOARD_ACTIONS, relations: [] },
  admin: { actions: ADMIN_ACTIONS, relations: [] },
  accessGrant: { actions: GRANT_ACTIONS, relations: GRANT_RELATIONS },
  section: { actions: SECTIONS.map((s) => `section.${s}` as const), relations: [] },
  dataSubjectRequest: { actions: DATA_SUBJECT_REQUEST_ACTIONS, relations: [] },
  dataSubjectTask: { actions: DATA_SUBJECT_TASK_ACTIONS, relations: DATA_SUBJECT_TASK_RELATIONS },
} as const;

type AnyRule = Outcome | Readonly<Record<string, Outcome>>;

const TABLES = [
  CASE_POLICY,
  AGREEMENT_POLICY,
  MEETING_POLICY,
  SIGNAL_POLICY,
  DASHBOARD_POLICY,
  ADMIN_POLICY,
  GRANT_POLICY,
  SECTION_POLICY,
  DATA_SUBJECT_REQUEST_POLICY,
  DATA_SUBJECT_TASK_POLICY,
] as const;

/** The whole policy as one table: for every role, every action. */
export const POLICY: Record<UserRole, Record<Action, AnyRule>> = byRole(
  (role) => Object.assign({}, ...TABLES.map((table) => table[role])) as Record<Action, AnyRule>,
);

/**
 * The outcome of `action` for the actor, standing in `relation` to the resource. Without a relation the
 * least favourable one counts: the actor is not convened, not invited, not the owner.
 */
export function authorize<A extends Action>(actor: Pick<Actor, 'role'>, action: A, relation?: RelationOf<A>): Outcome {
  const rule: AnyRule = POLICY[actor.role][action];
  if (typeof rule === 'string') return rule;
  const outcome = rule[(relation as string | undefined) ?? ('none' in rule ? 'none' : 'other')];
  if (!outcome) throw new Error(`No rule for ${action} in relation ${String(relation)}.`);
  return outcome;
}

export { isRefused, type Outcome, type Refusal } from './outcome';
