import type { CaseStatus, PauseReason, TriageDecision } from '@/db/schema';
import type { TransitionInput } from './schemas';

export interface LifecycleState {
  status: CaseStatus;
  pauseReason: PauseReason | null;
}

export type TransitionResult =
  | { ok: true; status: CaseStatus; pauseReason: PauseReason | null }
  | { ok: false; message: string };

const STATUS_LABEL: Record<CaseStatus, string> = {
  aangemeld: 'aangemeld',
  triage: 'in triage',
  actief: 'actief',
  monitoring: 'in monitoring',
  afgesloten: 'afgesloten',
  afgewezen: 'afgewezen',
};

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

const ACTION_LABEL: Record<TransitionInput['action'], string> = {
  start_triage: 'De triage starten',
  triage: 'Een triagebesluit nemen',
  to_monitoring: 'Naar monitoring gaan',
  to_active: 'Terug naar actief gaan',
  close: 'Afsluiten',
  pause: 'Opschorten',
  resume: 'Hervatten',
};

/** The case lifecycle as a pure function: which transition is allowed, and where it leads. */
export function applyTransition(state: LifecycleState, input: TransitionInput): TransitionResult {
  if (!FROM[input.action].includes(state.status)) {
    return { ok: false, message: `${ACTION_LABEL[input.action]} kan niet: de casus is ${STATUS_LABEL[state.status]}.` };
  }
  if (input.action === 'pause') {
    if (state.pauseReason) return { ok: false, message: 'De casus is al opgeschort.' };
    return { ok: true, status: state.status, pauseReason: input.pauseReason };
  }
  if (input.action === 'resume') {
    if (!state.pauseReason) return { ok: false, message: 'De casus is niet opgeschort.' };
    return { ok: true, status: state.status, pauseReason: null };
  }
  if (state.pauseReason) {
    return { ok: false, message: 'Hervat de casus eerst: hij is opgeschort.' };
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
