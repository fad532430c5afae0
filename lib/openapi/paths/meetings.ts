import { feedTokenParam, meetingListQuerySchema } from '@/lib/api/meetings';
import {
  confirmationResult,
  currentItemResult,
  meetingList,
  meetingTransitionResult,
  meetingView,
} from '@/lib/meetings/meeting-views';
import { createMeetingSchema, meetingTransitionSchema, rescheduleSchema } from '@/lib/meetings/schemas';
import { confirmationSchema, currentItemSchema } from '@/lib/live/schemas';
import { z } from '@/lib/validation/zod';
import { BODY_ERRORS, errorBody, json, type Paths } from '../operation';

/* The meeting endpoints of the OpenAPI document; the answers are lib/meetings/meeting-views.ts. */

/** Request bodies, named as components of the document. */
const BODIES = {
  CurrentItem: currentItemSchema.meta({ id: 'CurrentItem' }),
  AgreementConfirmation: confirmationSchema.meta({ id: 'AgreementConfirmation' }),
  CreateMeeting: createMeetingSchema.meta({ id: 'CreateMeeting' }),
  RescheduleMeeting: rescheduleSchema.meta({ id: 'RescheduleMeeting' }),
  MeetingTransition: meetingTransitionSchema.meta({ id: 'MeetingTransition' }),
};

const liveCursor = z.string().regex(/^\d{1,15}$/);

/**
 * `{token}` follows `{userId}` directly, and path-parameters.ts only picks up a path parameter that follows a
 * named segment; so the operation lists it itself (its extra parameters come right after the path's).
 */
const tokenParameter = feedTokenParam.meta({ param: { name: 'token', in: 'path', required: true, description: feedTokenParam.description } });

const calendar = (description: string) => ({ description, content: { 'text/calendar': { schema: { type: 'string' } } } });

export const MEETING_PATHS: Paths = {
  '/api/v1/meetings': {
    get: {
      summary: 'List meetings',
      description:
        'Upcoming (the default; a meeting stays here until 12 hours after it ended) or past, at most 100. Regisseurs see every meeting; a professional the meetings their organisation is invited to, once planned. Managers and admins answer 403.',
      tags: ['Meetings'],
      query: meetingListQuerySchema,
      success: [200, 'The meetings and their number', meetingList],
      errors: [403, 422],
    },
    post: {
      summary: 'Prepare a meeting (in concept)',
      description:
        'Regisseurs only. Date and times are wall-clock time in Europe/Amsterdam. Nobody is notified until it is planned (`plan` transition). A recurring meeting starts a series.',
      tags: ['Meetings'],
      body: BODIES.CreateMeeting,
      success: [201, 'The new meeting', meetingView],
      errors: [...BODY_ERRORS, 403],
    },
  },
  '/api/v1/meetings/{id}': {
    get: {
      summary: 'One meeting with invitees, attendance and its agenda',
      description:
        'A professional sees the agenda items of cases their organisation is convened to; other case items come as besloten agendapunten (`visible: false`) with position, duration and status only.',
      tags: ['Meetings'],
      success: [200, 'The meeting', meetingView],
      errors: [404],
    },
    patch: {
      summary: 'Reschedule a meeting that has not started',
      description:
        'New date, times and optionally place, plus the `version` that was read. Once planned, the invitees are notified and the invitation gets a higher SEQUENCE.',
      tags: ['Meetings'],
      body: BODIES.RescheduleMeeting,
      success: [200, 'The meeting after the change', meetingView],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/meetings/{id}/transitions': {
    post: {
      summary: 'Move a meeting through its lifecycle',
      description:
        'concept → gepland (`plan`: invitations out) → bezig (`start`; more than 24 hours before `startsAt` only with `confirmEarly: true`, else 422 with a `confirmEarly` field error) → afgerond (`finish`); `cancel` (with a reason) before it starts; `reopen` (with a reason, by the chair) after it finished. An illegal step answers 422.',
      tags: ['Meetings'],
      body: BODIES.MeetingTransition,
      success: [200, 'The new status and version', meetingTransitionResult],
      errors: [...BODY_ERRORS, 403, 404, 409],
    },
  },
  '/api/v1/meetings/{id}/ics': {
    get: {
      summary: 'The meeting as a calendar invitation (iCalendar)',
      description:
        'METHOD:REQUEST while it goes ahead (STATUS:TENTATIVE for a concept), METHOD:CANCEL once cancelled; the SEQUENCE grows with every change, so a calendar replaces the earlier invitation. The chair is the ORGANIZER, the invitees are ATTENDEEs. Times carry the Europe/Amsterdam time zone, defined in the file (VTIMEZONE). No case details.',
      tags: ['Meetings'],
      success: [200, 'The invitation', null],
      errors: [404],
      extraResponses: { 200: calendar('The invitation (`text/calendar`, as an attachment)') },
    },
  },
  '/api/v1/meetings/{id}/events': {
    get: {
      summary: 'The running meeting, live (Server-Sent Events)',
      description:
        'A `text/event-stream` for the house\'s regisseurs and the invited organisations (anyone else: 404). Each event has an `id` and `data` `{ kind, itemId?, agreementId? }` with kind `meeting`, `item`, `agreement`, `confirmation` or `presence` — ids only, never case text; the client fetches what changed. An event about a case the reader\'s organisation is not convened to arrives as `{ "kind": "besloten" }` without ids. A comment line every 15 s keeps the connection open; `retry: 3000`. Reconnecting with `Last-Event-ID` (or `?after=`) replays every event after it; without either the stream starts at the newest event.',
      tags: ['Meetings'],
      parameters: [liveCursor.optional().meta({ param: { name: 'Last-Event-ID', in: 'header', description: 'The last event id received' } })],
      query: z.object({ after: liveCursor.optional().describe('As Last-Event-ID, for a client that cannot set headers') }),
      success: [200, 'The event stream', null],
      errors: [404, 422],
      extraResponses: { 200: { description: 'The event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
    },
  },
  '/api/v1/meetings/{id}/current-item': {
    post: {
      summary: 'Mark the agenda item being discussed ("nu besproken")',
      description: 'Regisseurs only, while the meeting is bezig; `itemId: null` clears the mark. Followers of the event stream get a `meeting` event.',
      tags: ['Meetings'],
      body: BODIES.CurrentItem,
      success: [200, 'The marked item', currentItemResult],
      errors: [...BODY_ERRORS, 403, 404],
    },
  },
  '/api/v1/agreements/{id}/confirmation': {
    post: {
      summary: 'Confirm an agreement made for your organisation',
      description:
        'A professional of the owning organisation answers `akkoord`, or `vraag` with a question back. Anyone else answers 404. The same answer twice writes nothing (`changed: false`); a new answer replaces the earlier one. The meeting\'s followers get a `confirmation` event.',
      tags: ['Agreements'],
      body: BODIES.AgreementConfirmation,
      success: [200, 'The confirmation', confirmationResult],
      errors: [...BODY_ERRORS, 403, 404],
    },
  },
  '/api/v1/calendar/{userId}/{token}': {
    get: {
      summary: 'Personal calendar feed',
      description:
        'For calendar programs, which send no session: the token in the URL is the key (shown on the meetings page). The meetings of the last 90 days and later that the user is invited to (all planned ones for a regisseur). Signing out everywhere or deactivation ends the feed. A wrong user or token answers 404.',
      tags: ['Meetings'],
      public: true,
      parameters: [tokenParameter],
      success: [200, 'The feed', null],
      extraResponses: {
        200: calendar('The feed (`text/calendar`, METHOD:PUBLISH, each meeting with its chair as ORGANIZER)'),
        404: { description: 'Unknown user or wrong token', content: json(errorBody) },
      },
    },
  },
};

export const MEETING_TAG = { name: 'Meetings', description: 'Overleggen: agenda, invitations, attendance, minutes and calendar files' };
