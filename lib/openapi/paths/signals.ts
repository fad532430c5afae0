import { resolveSignalSchema, signalListQuerySchema, snoozeSignalSchema } from '@/lib/signals/schemas';
import { signalChange, signalList } from '@/lib/signals/signal-views';
import { BODY_ERRORS, type Paths } from '../operation';

/* The signal endpoints of the OpenAPI document; the answers are lib/signals/signal-views.ts. */

/** Request bodies, named as components of the document. */
const BODIES = {
  ResolveSignal: resolveSignalSchema.meta({ id: 'ResolveSignal' }),
  SnoozeSignal: snoozeSignalSchema.meta({ id: 'SnoozeSignal' }),
};

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
