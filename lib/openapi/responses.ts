import { caseStatus, organisationDomain, pauseReason, targetGroup, triageDecision, userRole } from '@/db/schema';
import type { CaseView } from '@/lib/cases/get-case';
import type { CaseListItem } from '@/lib/cases/list-cases';
import type { CasePartnerView } from '@/lib/cases/partners';
import type { createReferral } from '@/lib/cases/refer';
import type { transitionCase } from '@/lib/cases/transition-case';
import type { getProfile } from '@/lib/profile/profile';
import { z } from '@/lib/validation/zod';
import type { Json, Same, Returned } from './type-match';

/*
 * Response bodies, for the OpenAPI document only (responses are not parsed at run time). The type
 * checks at the bottom tie each schema to what the lib function returns after JSON serialisation, so
 * a field added to or removed from a view breaks the build until the document says so too.
 */

const id = z.uuid();
const timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time');
const date = z.iso.date().describe('ISO 8601 date (JJJJ-MM-DD)');
const status = z.enum(caseStatus.enumValues);
const group = z.enum(targetGroup.enumValues);
const decision = z.enum(triageDecision.enumValues).nullable();
const pause = z.enum(pauseReason.enumValues).nullable();
const named = z.object({ id, name: z.string() });

export const errorResponse = z
  .object({
    error: z.string().describe('Dutch message for the user'),
    fieldErrors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe("Per field path (like 'subject.birthDate'; '_' for the whole input) its Dutch messages; only with 422"),
    correlationId: z.uuid().optional().describe('Only with 500 and 503: quote it to the administrator'),
  })
  .describe('Every error answers this shape');

export const healthResponse = z.object({
  status: z
    .enum(['ok', 'database-unavailable', 'shutting-down', 'starting', 'self-check-failed'])
    .describe("On /api/ready: 'starting' while the start-up checks wait for the database, 'self-check-failed' when they found a problem (in the log)"),
  database: z
    .union([
      z.object({ ok: z.literal(true), ms: z.number().int().describe('How long the check query took') }),
      z.object({
        ok: z.literal(false),
        kind: z.enum(['db_unavailable', 'pool_timeout', 'statement_timeout', 'error']).describe('What kept the database from answering'),
        code: z.string().optional().describe("The driver's or PostgreSQL's error code, e.g. ECONNREFUSED or 57P01"),
      }),
    ])
    .optional()
    .describe('Only on /api/ready: the check on a connection of its own'),
  pool: z
    .object({ size: z.number().int(), idle: z.number().int(), waiting: z.number().int(), max: z.number().int() })
    .optional()
    .describe("Only on /api/ready with PostgreSQL: the app's connection pool; requests waiting for it do not make the instance unready"),
}).meta({ id: 'Health' });

export const caseListItem = z.object({
  id,
  number: z.string(),
  status,
  targetGroup: group,
  municipalityCode: z.string(),
  municipalityName: z.string(),
  subjectName: z.string().optional().describe('Absent in the pseudonymised list of a manager'),
  regisseurName: z.string().nullable(),
  pauseReason: pause,
  createdAt: timestamp,
  updatedAt: timestamp,
}).meta({ id: 'CaseListItem' });

export const caseListResponse = z.object({ items: z.array(caseListItem), total: z.int().min(0) }).meta({ id: 'CaseList' });

export const fullCase = z
  .object({
    view: z.enum(['full', 'shared']),
    id,
    number: z.string(),
    status,
    targetGroup: group,
    municipalityCode: z.string(),
    municipalityName: z.string(),
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
    referrer: z.object({ id, name: z.string(), organisationName: z.string() }),
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
    id,
    number: z.string(),
    status,
    targetGroup: group,
    municipalityCode: z.string(),
    municipalityName: z.string(),
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

export const casePartner = z.object({
  id: id.describe('Id of the link between case and organisation (the {partnerId} of the end route)'),
  organisationId: id,
  organisationName: z.string(),
  domain: z.enum(organisationDomain.enumValues),
  reason: z.string().optional().describe('Absent for a manager'),
  addedByName: z.string(),
  addedAt: timestamp,
  endedAt: timestamp.nullable(),
  endReason: z.string().nullable().optional().describe('Absent for a manager'),
}).meta({ id: 'CasePartner' });

export const casePartnerList = z.object({ items: z.array(casePartner), total: z.int().min(0) }).meta({ id: 'CasePartnerList' });

export const created = z.object({ id }).meta({ id: 'Created' });

export const caseLeadResult = z.object({ id, version: z.int() }).meta({ id: 'CaseLeadResult' });

export const profileResponse = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(userRole.enumValues),
  locale: z.string(),
  version: z.int(),
  organisation: z.object({ id, name: z.string(), domain: z.enum(organisationDomain.enumValues) }),
}).meta({ id: 'Profile' });

// ---- Compile-time checks: each schema equals the lib's return type as JSON (dates become strings).

export const RESPONSE_TYPES_MATCH: [
  Same<Json<CaseListItem>, z.output<typeof caseListItem>>,
  Same<Json<CaseView>, z.output<typeof caseResponse>>,
  Same<Returned<typeof createReferral>, z.output<typeof referralCreated>>,
  Same<Returned<typeof transitionCase>, z.output<typeof transitionResult>>,
  Same<Json<CasePartnerView>, z.output<typeof casePartner>>,
  Same<Returned<typeof getProfile>, z.output<typeof profileResponse>>,
] = [true, true, true, true, true, true];
