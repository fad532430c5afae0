import {
  agendaItemStatus,
  agreementActionKind,
  agreementStatus,
  auditAction,
  caseEventKind,
  caseStatus,
  meetingKind,
  meetingStatus,
  pauseReason,
  signalStatus,
  targetGroup,
  triageDecision,
  userRole,
} from '@/db/schema';
import { z } from '@/lib/validation/zod';

/*
 * The art. 15 export (inzageverzoek) as one JSON document: what the HTML page renders and the JSON
 * download returns, and what the OpenAPI document describes. Dates travel as ISO strings.
 *
 * Professionals appear as organisation and role, never by name: AVG art. 15(1)(c) gives the subject the
 * recipients (organisations, categories) of their data; the names of the house's staff are the staff's
 * own personal data and not the subject's. A staff name the staff wrote into free text stays (it is part
 * of what the house holds on the subject), but is flagged for redaction review.
 */

export const EXPORT_FORMAT = 'casusregie.subject-access/v1';

const timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time');
const date = z.iso.date().describe('ISO 8601 date (JJJJ-MM-DD)');

export const nameFlag = z
  .object({
    text: z.string().describe('The flagged text as it occurs'),
    start: z.int().min(0).describe('Offset of the first character (UTF-16 code units)'),
    end: z.int().min(0).describe('Offset after the last character'),
    reason: z
      .enum(['staff-name', 'contact-name', 'name-like'])
      .describe('staff-name: a user of the house; contact-name: a contact person of a partner; name-like: looks like a person’s name'),
  })
  .describe('A possible name of another person, to review before the export is handed over');

export const freeText = z
  .object({ text: z.string(), flags: z.array(nameFlag) })
  .describe('Free text as written, with the spans that may name someone else');

const actorRef = z
  .object({ organisationName: z.string().nullable(), role: z.enum(userRole.enumValues).nullable() })
  .describe('Who did it: organisation and role, not the person');

export const caseEvent = z.object({
  kind: z.enum(caseEventKind.enumValues),
  at: timestamp,
  fromStatus: z.enum(caseStatus.enumValues).nullable(),
  toStatus: z.enum(caseStatus.enumValues).nullable(),
  reason: freeText.nullable(),
  /** Structured facts (triage decision, pause reason, names of changed fields): no free text. */
  data: z.record(z.string(), z.unknown()).nullable(),
  by: actorRef,
});

export const casePartnerEntry = z.object({
  organisationName: z.string(),
  reason: freeText,
  addedAt: timestamp,
  endedAt: timestamp.nullable(),
  endReason: freeText.nullable(),
});

export const agreementEntry = z.object({
  id: z.uuid(),
  description: freeText,
  ownerOrganisationName: z.string(),
  namedProfessional: z.boolean().describe('A professional of the owning organisation is named (the name is left out)'),
  status: z.enum(agreementStatus.enumValues),
  dueDate: date,
  originalDueDate: date,
  dueDateMoves: z.int().min(0),
  blockedAt: timestamp.nullable(),
  blockedReason: freeText.nullable(),
  completedAt: timestamp.nullable(),
  completionNote: freeText.nullable(),
  createdAt: timestamp,
  dueChanges: z.array(z.object({ fromDate: date, toDate: date, reason: freeText, at: timestamp })),
  progress: z.array(
    z.object({ kind: z.enum(agreementActionKind.enumValues), note: freeText.nullable(), organisationName: z.string(), at: timestamp }),
  ),
});

export const agendaItemEntry = z
  .object({
    meetingTitle: freeText,
    meetingKind: z.enum(meetingKind.enumValues),
    meetingStatus: z.enum(meetingStatus.enumValues),
    meetingStartsAt: timestamp,
    position: z.int(),
    status: z.enum(agendaItemStatus.enumValues),
    minutes: freeText.nullable(),
    outcome: freeText.nullable(),
  })
  .describe('One agenda item about this case: only its own minutes, never those of other cases in the same meeting');

export const signalEntry = z.object({
  rule: z.string(),
  status: z.enum(signalStatus.enumValues),
  level: z.int().min(0),
  since: timestamp,
  message: z.string().describe('Why it fired, one generated Dutch sentence'),
  snoozedUntil: date.nullable(),
  snoozeReason: freeText.nullable(),
  resolvedAt: timestamp.nullable(),
  resolutionNote: freeText.nullable(),
});

export const caseContactEntry = z
  .object({
    kind: z.enum(['telefoon', 'mail', 'overleg']),
    contactDate: date,
    organisation: freeText,
    note: freeText,
    recordedAt: timestamp,
  })
  .describe('One line of the case journal: a phone call, mail or consultation about the case, with whom and when');

export const caseEntry = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(caseStatus.enumValues),
  targetGroup: z.enum(targetGroup.enumValues),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  subject: z.object({ name: z.string(), birthDate: date, address: z.string().nullable() }),
  reason: freeText,
  goal: freeText,
  criteria: z.object({ multiDomain: z.boolean(), multiChain: z.boolean(), household: z.boolean(), localSafety: z.boolean() }),
  involvedPartners: freeText.nullable(),
  referrer: actorRef,
  referredBy: z
    .string()
    .nullable()
    .describe('The organisation that referred, when the regisseur recorded one (AVG art. 15(1)(g): the source); its contact person is a third party and not shown'),
  triageDecision: z.enum(triageDecision.enumValues).nullable(),
  triageReason: freeText.nullable(),
  triagedAt: timestamp.nullable(),
  pauseReason: z.enum(pauseReason.enumValues).nullable(),
  pausedAt: timestamp.nullable(),
  closureResult: freeText.nullable(),
  closedAt: timestamp.nullable(),
  retentionExtendedUntil: timestamp.nullable(),
  retentionExtensionReason: freeText.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  events: z.array(caseEvent).describe('Every transition of the case, oldest first'),
  partners: z.array(casePartnerEntry).describe('Partner organisations convened to the case (recipients), with why and how long'),
  agreements: z.array(agreementEntry),
  agendaItems: z.array(agendaItemEntry),
  signals: z.array(signalEntry),
  contacts: z.array(caseContactEntry).describe('The case journal, oldest first'),
});

export const accessLogEntry = z
  .object({
    at: timestamp,
    caseNumber: z.string().nullable(),
    organisationName: z.string().nullable(),
    role: z.enum(userRole.enumValues).nullable(),
    action: z.enum(auditAction.enumValues),
    entity: z.string().describe('What was seen or changed: case, case-partner, agreement, agreement-action, agenda-item, subject-access, …'),
    outcome: z.enum(['allowed', 'denied']),
    details: z.record(z.string(), z.unknown()).describe('Structured facts of the entry (view, changed fields, transition); no free text'),
  })
  .describe('One entry of the verwerkingenlog: which organisation and role viewed or changed what, and when');

export const subjectAccessDocument = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    generatedAt: timestamp,
    generatedBy: actorRef,
    houseName: z.string(),
    subject: z.object({
      name: z.string(),
      birthDate: date,
      addresses: z.array(z.string()).describe('Every address the house holds, across the cases'),
    }),
    cases: z.array(caseEntry).describe('Every case of the house about this person (same name and date of birth), oldest first'),
    accessLog: z.array(accessLogEntry).describe('Oldest first, up to and including this export'),
    redactionReview: z
      .object({ flaggedFields: z.int().min(0), flags: z.int().min(0) })
      .describe('How much free text carries possible names of others: to review before handing the export over'),
  })
  .describe('Inzage (AVG art. 15): everything the house holds on one person')
  .meta({ id: 'SubjectAccess' });

export type FreeText = z.output<typeof freeText>;
export type CaseEntry = z.output<typeof caseEntry>;
export type AccessLogEntry = z.output<typeof accessLogEntry>;
export type SubjectAccessDocument = z.output<typeof subjectAccessDocument>;
