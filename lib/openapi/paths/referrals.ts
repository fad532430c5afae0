import { caseContactSchema, continueReferralSchema, mergeReferralSchema, undoMergeQuerySchema } from '@/lib/cases/schemas';
import { caseContactList, created, mergeResult, referralMatching, versionResult } from '@/lib/cases/case-views';
import { BODY_ERRORS, type Paths } from '../operation';

/** Person matching at triage and the case journal of contacts. */

const BODIES = {
  MergeReferral: mergeReferralSchema.meta({ id: 'MergeReferral' }),
  ContinueReferral: continueReferralSchema.meta({ id: 'ContinueReferral' }),
  CaseContact: caseContactSchema.meta({ id: 'CaseContactInput' }),
};

export const REFERRAL_PATHS: Paths = {
  '/api/v1/cases/{id}/matches': {
    get: {
      summary: 'Earlier cases of the same person (at triage)',
      description:
        'Regisseurs only (403/404 for anyone else: a referrer learns nothing of other cases). Looks up the cases whose name holds every word of this one and whose birth date is the same; every lookup is in the audit log.',
      tags: ['Cases'],
      success: [200, 'The matches and what was decided', referralMatching],
      errors: [403, 404],
    },
  },
  '/api/v1/cases/{id}/merge': {
    post: {
      summary: 'Merge the referral into a matched case',
      description: 'Regisseurs only, with a reason, while the triage is not decided; only into a case the matching found.',
      tags: ['Cases'],
      body: BODIES.MergeReferral,
      success: [200, 'The case merged into and the new version', mergeResult],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
    delete: {
      summary: 'Undo the merge',
      description: 'Regisseurs only, until the triage of the referral is decided. The version read goes in the query.',
      tags: ['Cases'],
      query: undoMergeQuerySchema,
      success: [200, 'The new version', versionResult],
      errors: [403, 404, 409, 422],
    },
  },
  '/api/v1/cases/{id}/continue': {
    post: {
      summary: 'Go on with the referral as a case of its own',
      description: 'Regisseurs only: the person is known, and the reason to go on is recorded.',
      tags: ['Cases'],
      body: BODIES.ContinueReferral,
      success: [200, 'The new version', versionResult],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/cases/{id}/contacts': {
    get: {
      summary: 'The case journal of contacts',
      description: 'Phone calls, mails and consultations, oldest first; for whoever reads the timeline (regisseurs, convened professionals).',
      tags: ['Cases'],
      success: [200, 'The journal', caseContactList],
      errors: [404],
    },
    post: {
      summary: 'Add a contact to the journal',
      description: 'Regisseurs only. Organisation and note are stored encrypted.',
      tags: ['Cases'],
      body: BODIES.CaseContact,
      success: [201, 'The id of the new line', created],
      errors: [...BODY_ERRORS, 403, 404],
    },
  },
};
