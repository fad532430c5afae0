import { agreementActionKind, agreementCloseReason, agreementStatus } from '@/db/schema';
import { day as date, id, timestamp } from '@/lib/validation/view-fields';
import { z } from '@/lib/validation/zod';

/*
 * What the agreement functions return and the API answers, defined once: the lib's types are inferred
 * from these schemas and the OpenAPI document renders them (each `id` is its component name there).
 */

const status = z.enum(agreementStatus.enumValues);
const kind = z.enum(agreementActionKind.enumValues);

export const agreementItem = z
  .object({
    id,
    caseId: id,
    caseNumber: z.string().describe('Empty in the pseudonymised view of a manager'),
    description: z.string().describe('Empty in the pseudonymised view of a manager'),
    ownerOrganisationId: id,
    ownerOrganisationName: z.string(),
    ownerUserId: id.nullable(),
    ownerUserName: z.string().nullable(),
    dueDate: date,
    originalDueDate: date,
    dueDateMoves: z.int().min(0).describe('How often the due date moved'),
    status,
    blockedAt: timestamp.nullable().describe('Set while the owner reports it blocked'),
    blockedReason: z.string().nullable(),
    completedAt: timestamp.nullable(),
    completionNote: z.string().nullable(),
    lastProgressAt: timestamp.nullable(),
    createdAt: timestamp,
    version: z.int().describe('Send it back with PATCH; 0 in the pseudonymised view'),
    closeReason: z
      .enum(agreementCloseReason.enumValues)
      .nullable()
      .describe('Why it was not done (status niet_nagekomen): niet_meer_mogelijk (changed circumstances) or niet_uitgevoerd (the partner did not act)'),
    closeNote: z.string().nullable(),
    meetingId: id.nullable().describe('The meeting it was agreed in ("afgesproken in"), when the reader may see that meeting'),
    meetingTitle: z.string().nullable(),
    meetingStartsAt: timestamp.nullable(),
    overdue: z.boolean().describe('Open or in progress, and the due date has passed (Europe/Amsterdam)'),
  })
  .describe('An agreement (afspraak), overdue ones first in every list')
  .meta({ id: 'Agreement' });

export const agreementList = z.object({ items: z.array(agreementItem), total: z.int().min(0) }).meta({ id: 'AgreementList' });

export const agreementPage = z
  .object({
    items: z.array(agreementItem).describe('One page: at most 50'),
    total: z.int().min(0).describe('All that match, counted up to 10,000, or 1,000 in a partner’s own list (then `capped`)'),
    capped: z.boolean().describe('More match than `total` says'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` (same filters) for the next page; null on the last page'),
  })
  .meta({ id: 'AgreementPage' });

export const agreementCreated = z.object({ id, status, version: z.int(), meetingId: id.nullable().describe('The meeting it was made in, if any') }).meta({ id: 'AgreementCreated' });

export const agreementUpdated = z.object({ id, version: z.int(), dueDateMoves: z.int().min(0) }).meta({ id: 'AgreementUpdated' });

export const agreementActionEntry = z
  .object({ id, agreementId: id, kind, note: z.string().nullable(), createdAt: timestamp })
  .describe('A progress entry as stored')
  .meta({ id: 'AgreementAction' });

export const agreementHistoryEntry = z.object({
  id,
  kind,
  note: z.string().nullable(),
  authorName: z.string(),
  organisationName: z.string(),
  createdAt: timestamp,
});

export const agreementDueChange = z.object({
  fromDate: date,
  toDate: date,
  reason: z.string(),
  at: timestamp,
  changedByName: z.string(),
});

export const agreementHistoryList = z
  .object({
    items: z.array(agreementHistoryEntry).describe('Progress entries, newest first'),
    total: z.int().min(0),
    dueChanges: z.array(agreementDueChange).describe('Moves of the due date with their reasons, newest first'),
  })
  .describe('Empty lists in the pseudonymised view of a manager')
  .meta({ id: 'AgreementHistory' });

export type AgreementRow = z.infer<typeof agreementItem>;
export type AgreementCreated = z.infer<typeof agreementCreated>;
export type AgreementUpdated = z.infer<typeof agreementUpdated>;
export type AgreementActionEntry = z.infer<typeof agreementActionEntry>;
export interface AgreementHistory {
  actions: z.infer<typeof agreementHistoryEntry>[];
  dueChanges: z.infer<typeof agreementDueChange>[];
}
