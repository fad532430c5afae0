import { cases, municipalities } from '@/db/schema';

/*
 * The columns of a case as the people who work on it read it: the case page (get-case.ts) and the art. 15
 * export (lib/subject-access) select the same story and outcome. Both queries join municipalities.
 */
export const caseStoryColumns = {
  id: cases.id,
  number: cases.number,
  status: cases.status,
  targetGroup: cases.targetGroup,
  municipalityCode: cases.municipalityCode,
  municipalityName: municipalities.name,
  subject: { name: cases.subjectName, birthDate: cases.subjectBirthDate, address: cases.subjectAddress },
  reason: cases.reason,
  goal: cases.goal,
  criteria: {
    multiDomain: cases.criterionMultiDomain,
    multiChain: cases.criterionMultiChain,
    household: cases.criterionHousehold,
    localSafety: cases.criterionLocalSafety,
  },
  involvedPartners: cases.involvedPartners,
};

export const caseOutcomeColumns = {
  triageDecision: cases.triageDecision,
  triageReason: cases.triageReason,
  triagedAt: cases.triagedAt,
  pauseReason: cases.pauseReason,
  pausedAt: cases.pausedAt,
  closureResult: cases.closureResult,
  closedAt: cases.closedAt,
};
