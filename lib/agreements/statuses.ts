import type { AgreementStatus } from '@/db/schema';

/*
 * The agreement statuses by what they mean, named once (no database access here: client components use it).
 * Open: still to be carried out (counted as open work, can be overdue, on the afsprakencheck).
 * Finished: settled one way or another; nothing is logged on it any more.
 */
export const OPEN_AGREEMENT_STATUSES = ['open', 'in_uitvoering'] as const satisfies readonly AgreementStatus[];
export const FINISHED_AGREEMENT_STATUSES = ['gereed', 'niet_nagekomen', 'vervallen'] as const satisfies readonly AgreementStatus[];
/** Every status but a broken agreement (niet nagekomen): what a count of agreements "ended unfinished" leaves out. */
export const NOT_BROKEN_AGREEMENT_STATUSES = [...OPEN_AGREEMENT_STATUSES, 'gereed', 'vervallen'] as const satisfies readonly AgreementStatus[];

export function isOpenAgreement(status: string): boolean {
  return (OPEN_AGREEMENT_STATUSES as readonly string[]).includes(status);
}

export function isFinishedAgreement(status: string): boolean {
  return (FINISHED_AGREEMENT_STATUSES as readonly string[]).includes(status);
}
