import type { resolveSignal } from '@/lib/signals/change-signal';
import { SIGNAL_LEVEL_NAMES, SIGNAL_STATUSES } from '@/lib/signals/levels';
import type { listSignals } from '@/lib/signals/list-signals';
import { resolveSignalSchema, signalListQuerySchema, snoozeSignalSchema } from '@/lib/signals/schemas';
import { SIGNAL_RULES } from '@/lib/stagnation/signal';
import { z } from '@/lib/validation/zod';
import { BODY_ERRORS, type Paths } from '../operation';
import type { Returned, Same } from '../type-match';

/*
 * The signal endpoints of the OpenAPI document (lib/openapi/document.ts spreads these in): request and
 * response schemas, the `{id}` parameter and the paths. The response schemas are tied to the lib's
 * return types by the compile-time check at the bottom, like ./responses.ts.
 */

const id = z.uuid();
const timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time');
const date = z.iso.date().describe('ISO 8601 date (JJJJ-MM-DD)');
const level = z.enum(SIGNAL_LEVEL_NAMES).describe('The rung of the escalation ladder: regisseur → organisation (its contact persons) → manager → stuurgroep');
const status = z.enum(SIGNAL_STATUSES);


/** Request bodies, named as components of the document. */
const BODIES = {
  ResolveSignal: resolveSignalSchema.meta({ id: 'ResolveSignal' }),
  SnoozeSignal: snoozeSignalSchema.meta({ id: 'SnoozeSignal' }),
};

export const signalItem = z
  .object({
    id,
    rule: z.enum(SIGNAL_RULES).describe('The rule that fired'),
    level,
    status,
    subjectType: z.enum(['agreement', 'case', 'organisation']),
    subjectId: id,
    caseId: id.nullable().describe('Null for a signal about a partner organisation as a whole'),
    caseNumber: z.string().nullable(),
    targetGroup: z.string().nullable(),
    municipalityName: z.string().nullable(),
    organisationId: id.nullable().describe('The owning organisation of the agreement, or the organisation the signal is about'),
    organisationName: z.string().nullable(),
    agreementDescription: z.string().nullable().describe('What the agreement is about; null for a manager (free text of the case)'),
    since: timestamp.describe('When the cause started to hold'),
    levelSince: timestamp.describe('When it reached its current level'),
    message: z.string().describe('Why it fired: one Dutch sentence with the numbers, never free text of the case'),
    snoozedUntil: date.nullable(),
    snoozeReason: z.string().nullable().describe('Null for a manager'),
    resolvedAt: timestamp.nullable(),
    resolvedByName: z.string().nullable(),
    resolutionNote: z.string().nullable().describe('Null for a manager'),
    autoResolved: z.boolean().describe('Resolved by the sweep because the cause went away'),
    version: z.int().describe('Send it back with resolve or snooze'),
    createdAt: timestamp,
  })
  .describe('A signal of stagnation').meta({ id: 'Signal' });

export const signalList = z.object({ items: z.array(signalItem), total: z.int().min(0).describe('All that match; at most 500 items are returned') }).meta({ id: 'SignalList' });

export const signalChange = z.object({
  id,
  caseId: id.nullable(),
  status: z.enum(['snoozed', 'resolved']),
  version: z.int().describe('The new version'),
}).meta({ id: 'SignalChange' });




/** `{id}` under /signals. */



const READERS = 'Regisseurs see everything; managers too, without free text (`agreementDescription`, `snoozeReason`, `resolutionNote` are null). Anyone else answers 404.';

export const SIGNAL_PATHS: Paths = {
  '/api/v1/signals': {
    get: {
      summary: 'Signals of stagnation',
      description: `Open signals by default (\`status\`), highest escalation level first, then the oldest; filter by rule, level, case and organisation. \`minLevel=manager\` with \`status=open\` is the stuurgroep report. ${READERS}`,
      tags: ['Signals'],
      query: signalListQuerySchema,
      success: [200, 'The signals and how many match', signalList],
      errors: [404, 422],
    },
  },
  '/api/v1/signals.csv': {
    get: {
      summary: 'Signals of stagnation as CSV',
      description: `The filters of /api/v1/signals. UTF-8 with a byte order mark, CRLF line ends; semicolon-separated for a Dutch user, comma-separated for an English one. Cells starting with =, +, -, @, a tab or a carriage return get a leading apostrophe (no formula runs). Every export is recorded in the audit log. ${READERS}`,
      tags: ['Signals'],
      query: signalListQuerySchema,
      success: [200, 'The signals', null],
      errors: [404, 422],
      extraResponses: {
        200: {
          description: 'The signals (`text/csv`, as an attachment: `signalen-<date>.csv`, or `stuurgroep-<date>.csv` for the stuurgroep report)',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
      },
    },
  },
  '/api/v1/signals/{id}/resolve': {
    post: {
      summary: 'Resolve a signal with a note (regisseurs)',
      description:
        'The note says how it was handled; plus the `version` that was read. A resolved signal stays resolved while the same cause holds; the sweep opens a new one when a new cause arises. Managers answer 403. Audited.',
      tags: ['Signals'],
      body: BODIES.ResolveSignal,
      success: [200, 'The new status and version', signalChange],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/signals/{id}/snooze': {
    post: {
      summary: 'Snooze a signal until a date, with a reason (regisseurs)',
      description:
        'The date lies after today (Europe/Amsterdam), at most a year ahead; on that day the signal opens again if its cause still holds. Plus the `version` that was read. Managers answer 403. Audited.',
      tags: ['Signals'],
      body: BODIES.SnoozeSignal,
      success: [200, 'The new status and version', signalChange],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
};

export const SIGNAL_TAG = { name: 'Signals', description: 'Signalen van stagnatie: the list, the stuurgroep report, resolve and snooze' };

// ---- Compile-time checks: each schema equals the lib's return type as JSON (dates become strings).


export const SIGNAL_RESPONSE_TYPES_MATCH: [
  Same<Returned<typeof listSignals>['items'][number], z.output<typeof signalItem>>,
  Same<Returned<typeof listSignals>['total'], z.output<typeof signalList>['total']>,
  Same<Returned<typeof resolveSignal>, z.output<typeof signalChange>>,
] = [true, true, true];
