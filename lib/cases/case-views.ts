import { caseStatus, organisationDomain, pauseReason, targetGroup, triageDecision } from '@/db/schema';
import { day as date, id, timestamp } from '@/lib/validation/view-fields';
import { z } from '@/lib/validation/zod';

/*
 * What the case functions return and the API answers, defined once: the lib's types are inferred from
 * these schemas and the OpenAPI document renders them (each `id` is its component name there).
 */

const status = z.enum(caseStatus.enumValues);
const group = z.enum(targetGroup.enumValues);
const decision = z.enum(triageDecision.enumValues).nullable();
const pause = z.enum(pauseReason.enumValues).nullable();
const named = z.object({ id, name: z.string() });
/** What every view of a case but the receipt opens with. */
const caseIdentity = { id, number: z.string(), status, targetGroup: group, municipalityCode: z.string(), municipalityName: z.string() };

export const caseListItem = z
  .object({
    ...caseIdentity,
    subjectName: z.string().optional().describe('Absent in the pseudonymised list of a manager'),
    regisseurName: z.string().nullable(),
    pauseReason: pause,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'CaseListItem' });

export const caseListResponse = z
  .object({
    items: z.array(caseListItem),
    total: z.int().min(0).describe('All that match, counted up to 10,000 (then `capped`)'),
    capped: z.boolean().describe('More match than `total` says'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` (same filters and sort) for the next page; null on the last page'),
  })
  .meta({ id: 'CaseList' });

export const fullCase = z
  .object({
    view: z.enum(['full', 'shared']),
    ...caseIdentity,
    subject: z.object({ name: z.string(), birthDate: date.or(z.literal('[verwijderd na bewaartermijn]')), address: z.string().nullable() }),
    reason: z.string(),
    goal: z.string(),
    criteria: z.object({
      multiDomain: z.boolean(),
      multiChain: z.boolean(),
      household: z.boolean(),
      localSafety: z.boolean(),
    }),
    involvedPartners: z.string().nullable(),
    referrer: z.object({ id, name: z.string(), organisationName: z.string() }).describe('Who entered the referral'),
    referredBy: z
      .object({ organisationName: z.string(), contactName: z.string().nullable(), contactDetails: z.string().nullable() })
      .nullable()
      .describe('Who referred, when recorded: an organisation of the house or an outside party, and a contact'),
    regisseur: named.nullable(),
    caseLead: named.nullable(),
    triageDecision: decision,
    triageReason: z.string().nullable(),
    triagedAt: timestamp.nullable(),
    pauseReason: pause,
    pausedAt: timestamp.nullable(),
    closureResult: z.string().nullable(),
    closedAt: timestamp.nullable(),
    personalDataRemovedAt: timestamp
      .nullable()
      .describe("Set once the retention term removed the personal data: subject, reason and goal then read '[verwijderd na bewaartermijn]'"),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.int(),
  })
  .describe('A regisseur (full) or a professional of a convened organisation (shared)');

export const pseudonymisedCase = z
  .object({
    view: z.literal('pseudonymised'),
    ...caseIdentity,
    triageDecision: decision,
    triagedAt: timestamp.nullable(),
    pauseReason: pause,
    closedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.int(),
  })
  .describe('A manager: facts for steering, no subject and no free text');

export const receiptCase = z
  .object({
    view: z.literal('receipt'),
    id,
    number: z.string(),
    status,
    targetGroup: group,
    municipalityName: z.string(),
    triageDecision: decision,
    triageReason: z.string().nullable(),
    triagedAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .describe('The referrer whose organisation is not convened: the receipt and the triage outcome');

export const caseResponse = z.discriminatedUnion('view', [fullCase, pseudonymisedCase, receiptCase]).meta({ id: 'Case' });

export const referralCreated = z.object({ id, number: z.string().describe('Like ZVH-2026-0042'), status, createdAt: timestamp }).meta({ id: 'ReferralCreated' });

export const transitionResult = z.object({ id, status, version: z.int() }).meta({ id: 'TransitionResult' });

export const casePartner = z
  .object({
    id: id.describe('Id of the link between case and organisation (the {partnerId} of the end route)'),
    organisationId: id,
    organisationName: z.string(),
    domain: z.enum(organisationDomain.enumValues),
    reason: z.string().optional().describe('Absent for a manager'),
    addedByName: z.string(),
    addedAt: timestamp,
    endedAt: timestamp.nullable(),
    endReason: z.string().nullable().optional().describe('Absent for a manager'),
  })
  .meta({ id: 'CasePartner' });

export const casePartnerList = z.object({ items: z.array(casePartner), total: z.int().min(0) }).meta({ id: 'CasePartnerList' });

export const created = z.object({ id }).meta({ id: 'Created' });

export const caseLeadResult = z.object({ id, version: z.int() }).meta({ id: 'CaseLeadResult' });

export type CaseListItem = z.infer<typeof caseListItem>;
export type FullCase = z.infer<typeof fullCase>;
export type PseudonymisedCase = z.infer<typeof pseudonymisedCase>;
export type ReceiptCase = z.infer<typeof receiptCase>;
export type CaseView = z.infer<typeof caseResponse>;
export type ReferralCreated = z.infer<typeof referralCreated>;
export type TransitionResult = z.infer<typeof transitionResult>;
export type CasePartnerView = z.infer<typeof casePartner>;
export type Created = z.infer<typeof created>;
export type CaseLeadResult = z.infer<typeof caseLeadResult>;

const personMatch = z.object({ id, number: z.string(), status });

export const referralMatching = z
  .object({
    matches: z.array(personMatch).describe('Earlier cases of the same person: every word of the name and the birth date equal'),
    mergedInto: personMatch.nullable().describe('The case this referral was merged into as a new referral of it'),
    continuedReason: z.string().nullable().describe('Why the referral went on as a case of its own, when it did'),
    open: z.boolean().describe('Merging and undoing are possible until the triage is decided'),
  })
  .meta({ id: 'ReferralMatching' });

export const mergeResult = z.object({ id, mergedInto: z.object({ id, number: z.string() }), version: z.int() }).meta({ id: 'MergeResult' });

export const versionResult = z.object({ id, version: z.int() }).meta({ id: 'VersionResult' });

export const caseContact = z
  .object({
    id,
    kind: z.enum(['telefoon', 'mail', 'overleg']),
    contactDate: date,
    organisation: z.string(),
    note: z.string(),
    authorName: z.string(),
    createdAt: timestamp,
  })
  .meta({ id: 'CaseContact' });

export const caseContactList = z.object({ items: z.array(caseContact), total: z.int().min(0) }).meta({ id: 'CaseContactList' });
