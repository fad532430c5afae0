import { agreementCloseReason, agreementStatus, attendance, meetingKind, meetingStatus, recurrence, type Meeting } from '@/db/schema';
import { day as date, id, timestamp } from '@/lib/validation/view-fields';
import { z } from '@/lib/validation/zod';

/*
 * What the meeting functions return and the API answers, defined once: the lib's types are inferred
 * from these schemas and the OpenAPI document renders them (each `id` is its component name there).
 */

const status = z.enum(meetingStatus.enumValues);
const kind = z.enum(meetingKind.enumValues);
/** What the list and the page of a meeting both open with. */
const meetingIdentity = { id, title: z.string(), kind, status, startsAt: timestamp, endsAt: timestamp, location: z.string().nullable() };

export const meetingListItem = z
  .object({
    ...meetingIdentity,
    items: z.int().min(0).describe('Number of agenda items (besloten ones included)'),
  });

  export const meetingList = z.object({ items: z.array(meetingListItem), total: z.int().min(0) }).meta({ id: 'MeetingList' });

  export const openAgreement = z.object({
    id,
    caseId: id,
    description: z.string(),
    ownerOrganisationId: id,
    ownerOrganisationName: z.string(),
    ownerUserId: id.nullable(),
    ownerUserName: z.string().nullable(),
    dueDate: date,
    status: z.enum(agreementStatus.enumValues),
    lastProgressAt: timestamp.nullable(),
    overdue: z.boolean(),
    blocked: z.boolean().describe('Open and reported blocked by its owner'),
    blockedReason: z.string().nullable(),
    closeReason: z.enum(agreementCloseReason.enumValues).nullable().describe('Why it was not done (niet_nagekomen)'),
    closeNote: z.string().nullable(),
    madeHere: z.boolean().describe('Made in this meeting'),
    closedHere: z.boolean().describe('Closed in this meeting'),
    version: z.int().describe('Send it back with PATCH /api/v1/agreements/{id}'),
  });

  export const agendaEntry = z
    .object({
      id,
      position: z.int().min(1),
      durationMinutes: z.int(),
      status: z.enum(['open', 'besproken', 'doorgeschoven']),
      visible: z.boolean().describe('False: a "besloten agendapunt" about a case the reader\'s organisation is not convened to; only position, duration and status'),
      caseId: id.nullable().optional(),
      caseNumber: z.string().nullable().optional(),
      subjectName: z.string().nullable().optional(),
      topic: z.string().nullable().optional(),
      presenterName: z.string().nullable().optional(),
      minutes: z.string().nullable().optional().describe('Plain text with simple formatting (line breaks, "- " lists, **bold**)'),
      outcome: z.string().nullable().optional(),
      version: z.int().optional(),
      openAgreements: z.array(openAgreement).optional().describe('The afsprakencheck: open agreements of the case, then those made or closed in this meeting, by due date'),
    })
    .describe('An agenda item as far as the reader may see it');

  export const meetingView = z.object({
    ...meetingIdentity,
    videoUrl: z.string().nullable(),
    chairUserId: id,
    chairName: z.string().nullable(),
    minuteTakerUserId: id.nullable(),
    minuteTakerName: z.string().nullable(),
    seriesId: id.nullable().describe('Meetings of one series share the id of the first'),
    recurrence: z.enum(recurrence.enumValues),
    sequence: z.int().describe('iCalendar SEQUENCE: raised when the invitation changes'),
    statusReason: z.string().nullable().describe('Why it was cancelled or reopened'),
    currentItemId: id.nullable().describe('The agenda item the chair marked "nu besproken" while the meeting runs'),
    createdByUserId: id,
    version: z.int().describe('Send it back with PATCH and transitions'),
    createdAt: timestamp,
    updatedAt: timestamp,
    invitees: z.array(
      z.object({
        organisationId: id,
        organisationName: z.string(),
        userName: z.string().nullable(),
        attendance: z.enum(attendance.enumValues).nullable(),
      }),
    ),
    agenda: z.array(agendaEntry),
  })
  .meta({ id: 'Meeting' });

export const meetingTransitionResult = z
  .object({
    id,
    status,
    version: z.int(),
    /** Only on afronding: the sealed version of the frozen report, its SHA-256 (also in the audit chain). */
    seal: z.object({ version: z.int(), sha256: z.string(), sealedAt: timestamp }).optional(),
  })
  .meta({ id: 'MeetingTransitionResult' });

export const currentItemResult = z.object({ id, currentItemId: id.nullable() }).meta({ id: 'CurrentItemResult' });
export const confirmationResult = z
  .object({
    agreementId: id,
    response: z.enum(['akkoord', 'vraag']),
    question: z.string().nullable(),
    at: timestamp,
    changed: z.boolean().describe('False: the same answer was already given (nothing written)'),
  })
  .meta({ id: 'AgreementConfirmationResult' });

export type MeetingListItem = z.infer<typeof meetingListItem>;
export type OpenAgreement = z.infer<typeof openAgreement>;
export type AgendaEntry = z.infer<typeof agendaEntry>;
export type MeetingView = z.infer<typeof meetingView>;
export type MeetingTransitionResult = z.infer<typeof meetingTransitionResult>;
export type CurrentItemResult = z.infer<typeof currentItemResult>;
export type ConfirmationResult = z.infer<typeof confirmationResult>;

/** The view spreads the meetings row: a column added to the table must be named here too (or left out on purpose). */
export const ROW_COLUMNS_SHOWN: Record<Exclude<keyof Meeting, keyof MeetingView>, never> = {};
