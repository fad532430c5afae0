import type { UserRole } from '@/db/schema';
import { byRole, type Outcome, type PolicyTable } from './outcome';

/*
 * The WGS contact point (Wgs, Besluit art. 1.1): the house receives every AVG chapter III request once,
 * for all joint controllers. Registering, extending the term and sending the combined answer is the
 * regisseur's: it is case work (matching the person against cases shows their content), and DESIGN.md
 * keeps case content away from admins (functioneel beheer) and pseudonymised for managers, who count
 * requests on the dashboard only. A partner's part is a task of its organisation: its people see that
 * task (the request's kind and term), never the request, the requester or another partner's answer.
 */
export const DATA_SUBJECT_REQUEST_ACTIONS = ['dataSubjectRequest.manage'] as const;
export type DataSubjectRequestAction = (typeof DATA_SUBJECT_REQUEST_ACTIONS)[number];

/** A task is decided by whose it is: the actor's own organisation's, or another's. */
export const DATA_SUBJECT_TASK_RELATIONS = ['own', 'other'] as const;
export type DataSubjectTaskRelation = (typeof DATA_SUBJECT_TASK_RELATIONS)[number];
export const DATA_SUBJECT_TASK_ACTIONS = ['dataSubjectTask.answer'] as const;
export type DataSubjectTaskAction = (typeof DATA_SUBJECT_TASK_ACTIONS)[number];

/** Who of a partner organisation sees and answers its task. */
export const TASK_ANSWERERS: readonly UserRole[] = ['professional'];

const answerer = (role: UserRole): Record<DataSubjectTaskRelation, Outcome> => ({
  own: TASK_ANSWERERS.includes(role) ? 'allow' : 'not-found',
  other: 'not-found',
});

export const DATA_SUBJECT_REQUEST_POLICY: PolicyTable<DataSubjectRequestAction> = byRole((role) => ({
  'dataSubjectRequest.manage': role === 'regisseur' ? 'allow' : 'not-found',
}));

export const DATA_SUBJECT_TASK_POLICY: PolicyTable<DataSubjectTaskAction, DataSubjectTaskRelation> = byRole((role) => ({
  'dataSubjectTask.answer': answerer(role),
}));
