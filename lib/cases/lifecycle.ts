import type { CaseStatus, PauseReason, TriageDecision } from '@/db/schema';
import { msg, type MessageKey } from '@/lib/errors';
import type { TransitionInput } from './schemas';

export interface LifecycleState {
  status: CaseStatus;
  pauseReason: PauseReason | null;
}

export type TransitionResult =
  | { ok: true; status: CaseStatus; pauseReason: PauseReason | null }
  | { ok: false; /** A message reference (lib/errors): rendered in the reader's language at the edge. */ message: string };

/** Triage: only "in behandeling" takes the case on; every other decision ends it as afgewezen. */
export function statusAfterTriage(decision: TriageDecision): CaseStatus {
  return decision === 'in_behandeling' ? 'actief' : 'afgewezen';
}

const FROM: Record<TransitionInput['action'], readonly CaseStatus[]> = {
  start_triage: ['aangemeld'],
  triage: ['aangemeld', 'triage'],
  to_monitoring: ['actief'],
  to_active: ['monitoring'],
  close: ['actief', 'monitoring'],
  pause: ['triage', 'actief', 'monitoring'],
  resume: ['triage', 'actief', 'monitoring'],
};

/** What each step is called in a refusal ("Afsluiten kan niet: …"). */
const ACTION_KEY: Record<TransitionInput['action'], MessageKey> = {
  start_triage: 'cases.action.startTriage',
  triage: 'cases.action.triage',
  to_monitoring: 'cases.action.toMonitoring',
  to_active: 'cases.action.toActive',
  close: 'cases.action.close',
  pause: 'cases.action.pause',
  resume: 'cases.action.resume',
};

/** The case lifecycle as a pure function: which transition is allowed, and where it leads. */
export function applyTransition(state: LifecycleState, input: TransitionInput): TransitionResult {
  if (!FROM[input.action].includes(state.status)) {
    return { ok: false, message: msg('cases.transitionNotAllowed', { action: msg(ACTION_KEY[input.action]), status: msg(`cases.statusIs.${state.status}`) }) };
  }
  if (input.action === 'pause') {
    if (state.pauseReason) return { ok: false, message: msg('cases.alreadyPaused') };
    return { ok: true, status: state.status, pauseReason: input.pauseReason };
  }
  if (input.action === 'resume') {
    if (!state.pauseReason) return { ok: false, message: msg('cases.notPaused') };
    return { ok: true, status: state.status, pauseReason: null };
  }
  if (state.pauseReason) {
    return { ok: false, message: msg('cases.resumeFirst') };
  }
  switch (input.action) {
    case 'start_triage':
      return { ok: true, status: 'triage', pauseReason: null };
    case 'triage':
      return { ok: true, status: statusAfterTriage(input.decision), pauseReason: null };
    case 'to_monitoring':
      return { ok: true, status: 'monitoring', pauseReason: null };
    case 'to_active':
      return { ok: true, status: 'actief', pauseReason: null };
    case 'close':
      return { ok: true, status: 'afgesloten', pauseReason: null };
  }
}

export function allowedActions(state: LifecycleState): TransitionInput['action'][] {
  return (Object.keys(FROM) as TransitionInput['action'][]).filter((action) => {
    if (!FROM[action].includes(state.status)) return false;
    if (action === 'pause') return !state.pauseReason;
    if (action === 'resume') return Boolean(state.pauseReason);
    return !state.pauseReason;
  });
}
