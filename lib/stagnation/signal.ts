/** The rules that can fire; the names are stored with each signal, so they never change. */
export const SIGNAL_RULES = [
  'agreement_overdue',
  'agreement_severely_overdue',
  'agreement_no_progress',
  'agreement_due_date_moved',
  'agreement_blocked',
  'case_idle',
  'case_without_open_agreements',
  'referral_unanswered',
  'organisation_overdue_agreements',
] as const;

export type SignalRule = (typeof SIGNAL_RULES)[number];

export type SignalSubject = { type: 'agreement' | 'case' | 'organisation'; id: string };

export type Signal = {
  rule: SignalRule;
  subject: SignalSubject;
  /** The case the subject belongs to; absent for an organisation, which spans cases. */
  caseId?: string;
  /** When the condition started to hold. */
  since: Date;
  /** One Dutch sentence that says why, with the numbers. Never free text from the case. */
  message: string;
  /** Stable across sweeps while the condition holds, so persisting a signal twice is harmless. */
  key: string;
};

export function signalKey(rule: SignalRule, subjectId: string): string {
  return `${rule}:${subjectId}`;
}
