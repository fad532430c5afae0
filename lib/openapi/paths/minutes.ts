import { saveDraftSchema } from '@/lib/meetings/minute-drafts';
import { minuteDraftAnswer, savedItem } from '@/lib/meetings/minute-views';
import { recordItemSchema } from '@/lib/meetings/schemas';
import { z } from '@/lib/validation/zod';
import { BODY_ERRORS, type Paths } from '../operation';

/*
 * The minutes of an agenda item while the meeting runs (drafts per author, the final save with its version)
 * and the session's clock: what the meeting page calls so that nothing typed is lost.
 */

/** Request bodies, named as components of the document. */
const BODIES = {
  SaveMinuteDraft: saveDraftSchema.meta({ id: 'SaveMinuteDraft' }),
  RecordAgendaItem: recordItemSchema.meta({ id: 'RecordAgendaItem' }),
};

const sessionTime = z
  .object({
    remainingMs: z.int().describe('Until the session ends, idle or absolute, whichever comes first'),
    idleRemainingMs: z.int(),
    absoluteRemainingMs: z.int(),
  })
  .meta({ id: 'SessionTime' });

export const MINUTES_PATHS: Paths = {
  '/api/v1/meetings/{id}/items/{itemId}': {
    patch: {
      summary: 'Save the minutes, outcome and status of an agenda item',
      description:
        'Regisseurs, while the meeting is running, with the item `version` the author started from. When another note-taker saved the item since, the answer is 409 with `current` (the item as saved now) so both texts can be merged; nothing is overwritten. Saving removes the author\u2019s draft.',
      tags: ['Meetings'],
      body: BODIES.RecordAgendaItem,
      success: [200, 'The item as saved', savedItem],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/meetings/{id}/items/{itemId}/draft': {
    get: {
      summary: 'The signed-in author\u2019s draft of an agenda item',
      tags: ['Meetings'],
      success: [200, 'The draft, or `null`', minuteDraftAnswer],
      errors: [404],
    },
    put: {
      summary: 'Autosave the author\u2019s draft',
      description:
        'Regisseurs, while the meeting is running. `version` is the draft version last received (`null` for the first save); a stale one answers 409. A malformed draft answers 422 and nothing is written.',
      tags: ['Meetings'],
      body: BODIES.SaveMinuteDraft,
      success: [200, 'The draft as saved', minuteDraftAnswer],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
    delete: {
      summary: 'Throw the author\u2019s draft away',
      tags: ['Meetings'],
      success: [204, 'Gone', null],
      errors: [403, 404],
    },
  },
  '/api/v1/session': {
    get: {
      summary: 'How long the session has left',
      description: 'Asking is not activity: it does not extend the session. 401 once it has ended.',
      tags: ['Profile'],
      success: [200, 'Time left', sessionTime],
    },
    post: {
      summary: 'Keep-alive: the user is active',
      description:
        'Sent by the web app at most once a minute while the user types or clicks; the idle clock (15 minutes) starts again. The absolute limit (10 hours) stays. An ended session answers 401 and is not revived.',
      tags: ['Profile'],
      success: [200, 'Time left', sessionTime],
      errors: [403],
    },
  },
};

