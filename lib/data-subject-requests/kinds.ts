/** The rights of AVG chapter III a request can invoke (art. 15–18 and 21). */
export const REQUEST_KINDS = ['inzage', 'rectificatie', 'wissing', 'beperking', 'bezwaar'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** How the contact point checked who asked: at the desk, a copy of an ID (BSN and photo masked), DigiD, otherwise (say how). */
export const IDENTITY_CHECKS = ['balie', 'kopie', 'digid', 'anders'] as const;
export type IdentityCheck = (typeof IDENTITY_CHECKS)[number];

export const TASK_STATUSES = ['open', 'answered'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
