import { caseStatus, pauseReason, targetGroup, triageDecision } from '@/db/enums';

export const CASE_STATUSES = caseStatus.enumValues;
export const TARGET_GROUPS = targetGroup.enumValues;
export const TRIAGE_DECISIONS = triageDecision.enumValues;
export const PAUSE_REASONS = pauseReason.enumValues;
