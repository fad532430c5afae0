import { agreementActionKind, agreementCloseReason, agreementStatus } from '@/db/schema';
import type { createAgreement } from '@/lib/agreements/create-agreement';
import type { agreementHistory, AgreementRow } from '@/lib/agreements/list-agreements';
import type { updateAgreement } from '@/lib/agreements/update-agreement';
import type { actionEntry } from '@/lib/api/agreements';
import { z } from '@/lib/validation/zod';
import type { Json, Returned, Same } from './type-match';

/*
 * Response bodies of the agreement endpoints, for the OpenAPI document only (like ./responses.ts). The
 * type checks at the bottom tie each schema to what the lib function returns after JSON serialisation.
 */

const id = z.uuid();
const timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time');
const date = z.iso.date().describe('ISO 8601 date (JJJJ-MM-DD)');
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
  .describe('An agreement (afspraak), overdue ones first in every list').meta({ id: 'Agreement' });

export const agreementList = z.object({ items: z.array(agreementItem), total: z.int().min(0) }).meta({ id: 'AgreementList' });

export const agreementCreated = z.object({ id, status, version: z.int(), meetingId: id.nullable().describe('The meeting it was made in, if any') }).meta({ id: 'AgreementCreated' });

export const agreementUpdated = z.object({ id, version: z.int(), dueDateMoves: z.int().min(0) }).meta({ id: 'AgreementUpdated' });

export const agreementActionEntry = z
  .object({ id, agreementId: id, kind, note: z.string().nullable(), createdAt: timestamp })
  .describe('A progress entry as stored').meta({ id: 'AgreementAction' });

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
  .describe('Empty lists in the pseudonymised view of a manager').meta({ id: 'AgreementHistory' });

// ---- Compile-time checks: each schema equals the lib's return type as JSON (dates become strings).

type History = Returned<typeof agreementHistory>;

export const AGREEMENT_RESPONSE_TYPES_MATCH: [
  Same<Json<AgreementRow>, z.output<typeof agreementItem>>,
  Same<Returned<typeof createAgreement>, z.output<typeof agreementCreated>>,
  Same<Returned<typeof updateAgreement>, z.output<typeof agreementUpdated>>,
  Same<Returned<typeof actionEntry>, z.output<typeof agreementActionEntry>>,
  Same<History['actions'][number], z.output<typeof agreementHistoryEntry>>,
  Same<History['dueChanges'][number], z.output<typeof agreementDueChange>>,
] = [true, true, true, true, true, true];
