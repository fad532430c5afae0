import { endPartnerBodySchema } from '@/lib/api/cases';
import { addPartnerSchema, caseLeadSchema, caseListQuerySchema, caseUpdateSchema, referralSchema, transitionSchema } from '@/lib/cases/schemas';
import {
  caseLeadResult,
  caseListResponse,
  casePartnerList,
  caseResponse,
  created,
  referralCreated,
  transitionResult,
} from '@/lib/cases/case-views';
import { BODY_ERRORS, type Paths } from '../operation';

/** Cases, their partners and their lead. */

/** Request bodies, named as components of the document. */
const BODIES = {
  Referral: referralSchema.meta({ id: 'Referral' }),
  CaseUpdate: caseUpdateSchema.meta({ id: 'CaseUpdate' }),
  Transition: transitionSchema.meta({ id: 'Transition' }),
  AddPartner: addPartnerSchema.meta({ id: 'AddPartner' }),
  EndPartner: endPartnerBodySchema.meta({ id: 'EndPartner' }),
  CaseLead: caseLeadSchema.meta({ id: 'CaseLead' }),
};

export const CASE_PATHS: Paths = {
  '/api/v1/cases': {
    get: {
      summary: 'List cases',
      description:
        'Filters, search, sorting and pagination: the first page by `page`, every next one by `cursor` (the `nextCursor` of the page before; no offset, so page 100 costs what page 2 does); a search by name answers 50 at a time. Regisseurs see every case, professionals the cases their organisation is convened to, managers pseudonymised facts (no `subjectName`).',
      tags: ['Cases'],
      query: caseListQuerySchema,
      success: [200, 'One page of cases and the total', caseListResponse],
      errors: [403, 422],
    },
    post: {
      summary: 'Refer a case (aanmelding)',
      description: 'The case starts as `aangemeld`; a regisseur who refers becomes its regisseur.',
      tags: ['Cases'],
      body: BODIES.Referral,
      success: [201, 'The new case', referralCreated],
      errors: [...BODY_ERRORS, 403],
    },
  },
  '/api/v1/cases/{id}': {
    get: {
      summary: 'One case, as the user may see it',
      description: 'The `view` field tells which shape: full, shared, pseudonymised or receipt.',
      tags: ['Cases'],
      success: [200, 'The case', caseResponse],
      errors: [404],
    },
    patch: {
      summary: 'Edit a case',
      description: 'Any subset of the editable fields plus the `version` that was read.',
      tags: ['Cases'],
      body: BODIES.CaseUpdate,
      success: [200, 'The case after the change', caseResponse],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/cases/{id}/transitions': {
    post: {
      summary: 'Move a case through its lifecycle',
      description: 'Triage, monitoring, closure, pause and resume. An illegal step answers 422 with the reason.',
      tags: ['Cases'],
      body: BODIES.Transition,
      success: [200, 'The new status and version', transitionResult],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/cases/{id}/partners': {
    get: {
      summary: 'Partner organisations convened to the case',
      description: 'Current partners first, then earlier ones, each with the reason it was convened (a manager gets the facts only, without reasons). 404 for a case the user may not see.',
      tags: ['Partners'],
      success: [200, 'Current partners first', casePartnerList],
      errors: [404],
    },
    post: {
      summary: 'Convene a partner organisation',
      description: 'Regisseurs only. The people of that organisation see the case from then on, within what the case shares with partners.',
      tags: ['Partners'],
      body: BODIES.AddPartner,
      success: [201, 'The id of the new link', created],
      errors: [...BODY_ERRORS, 403, 404],
    },
  },
  '/api/v1/cases/{id}/partners/{partnerId}/end': {
    post: {
      summary: "End a partner's participation",
      description: 'From then on the people of that organisation no longer see the case.',
      tags: ['Partners'],
      body: BODIES.EndPartner,
      success: [200, 'The id of the ended link', created],
      errors: [...BODY_ERRORS, 403, 404],
    },
  },
  '/api/v1/cases/{id}/lead': {
    put: {
      summary: 'Name the case lead (casusregisseur), or none',
      description: 'Regisseurs only. `userId` names a professional of a convened organisation, or `null` for no lead; plus the `version` of the case that was read.',
      tags: ['Partners'],
      body: BODIES.CaseLead,
      success: [200, 'The new version of the case', caseLeadResult],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
};
