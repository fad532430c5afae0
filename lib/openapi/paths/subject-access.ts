import { subjectAccessDocument } from '@/lib/subject-access/document';
import { errorBody, json, type Paths } from '../operation';

/*
 * The inzage (AVG art. 15) endpoint of the OpenAPI document (lib/openapi/document.ts spreads these in).
 * The response schema is the very zod schema the lib's document type is derived from, so the two cannot
 * drift apart.
 */

export const SUBJECT_ACCESS_PATHS: Paths = {
  '/api/v1/cases/{id}/subject-access': {
    get: {
      summary: 'Inzage (AVG art. 15): everything the house holds on the subject of the case (regisseurs)',
      description: [
        'One JSON document, as an attachment (`inzage-<case number>-<date>.json`): every case of the house about the same person',
        '(same name and date of birth), each with its data, course, convened partners, agreements with due-date moves and progress,',
        'its own agenda items and minutes (never those of other cases in the same meeting) and signals; and the access log of those',
        'cases by organisation and role. Professionals are named by organisation and role, not by name. Every free-text field',
        'carries `flags`: spans that may name someone else, to review before the export is handed over.',
        'The export is recorded in the audit log (action `export`, entity `subject-access`, once per case it covers) before the log',
        'is read, so it contains its own making. Counts as an export for the rate limit (429).',
        'Professionals of a convened organisation and managers answer 403; anyone who may not see the case answers 404.',
      ].join(' '),
      tags: ['Cases'],
      success: [200, 'The export', subjectAccessDocument],
      errors: [403, 404],
      extraResponses: {
        429: {
          description: 'Too many exports in a short time; `Retry-After` says when to try again',
          headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds' } },
          content: json(errorBody),
        },
      },
    },
  },
};
