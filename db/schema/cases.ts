import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, pgView, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { encryptedText } from '../encrypted-text';
import { caseStatus, targetGroup, triageDecision, pauseReason, caseEventKind } from '../enums';
import { nameSnapshot, timestamps } from './columns';
import { municipalities, organisations, users } from './directory';

// Cases, their numbers, events and partners, and the pseudonymised views managers read.

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    status: caseStatus('status').notNull().default('aangemeld'),
    targetGroup: targetGroup('target_group').notNull(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    // Encrypted at the application level (db/encrypted-text.ts); the tokens are keyed hashes for search.
    subjectName: encryptedText('subject_name').notNull(),
    subjectNameTokens: text('subject_name_tokens').array().notNull().default(sql`'{}'::text[]`),
    /** yyyy-mm-dd, encrypted. */
    subjectBirthDate: encryptedText('subject_birth_date').notNull(),
    subjectAddress: encryptedText('subject_address'),
    reason: text('reason').notNull(),
    goal: text('goal').notNull(),
    // The four national intake criteria, answered explicitly at referral.
    criterionMultiDomain: boolean('criterion_multi_domain').notNull(),
    criterionMultiChain: boolean('criterion_multi_chain').notNull(),
    criterionHousehold: boolean('criterion_household').notNull(),
    criterionLocalSafety: boolean('criterion_local_safety').notNull(),
    involvedPartners: text('involved_partners'),
    referrerUserId: uuid('referrer_user_id')
      .notNull()
      .references(() => users.id),
    referrerOrganisationId: uuid('referrer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    regisseurUserId: uuid('regisseur_user_id').references(() => users.id),
    caseLeadUserId: uuid('case_lead_user_id').references(() => users.id),
    triageDecision: triageDecision('triage_decision'),
    triageReason: text('triage_reason'),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    pauseReason: pauseReason('pause_reason'),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    closureResult: text('closure_result'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // Retention (lib/retention): the regisseur may extend the term once, with a reason.
    retentionExtendedUntil: timestamp('retention_extended_until', { withTimezone: true }),
    retentionExtensionReason: text('retention_extension_reason'),
    retentionExtendedBy: uuid('retention_extended_by').references(() => users.id),
    retentionExtendedAt: timestamp('retention_extended_at', { withTimezone: true }),
    /** Set when retention removed the personal data; the row stays for pseudonymised figures. */
    personalDataRemovedAt: timestamp('personal_data_removed_at', { withTimezone: true }),
    // Who referred (drizzle/0032): an organisation of the house, or an outside party as free text, and a contact.
    referredByOrganisationId: uuid('referred_by_organisation_id').references(() => organisations.id),
    referredByOrganisationName: encryptedText('referred_by_organisation_name'),
    referrerContactName: encryptedText('referrer_contact_name'),
    referrerContactDetails: encryptedText('referrer_contact_details'),
    /** Merged into an earlier case of the same person as a new referral of it (lib/cases/referral-matches.ts). */
    mergedIntoCaseId: uuid('merged_into_case_id').references((): AnyPgColumn => cases.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cases_number_unique').on(t.number),
    index('cases_subject_name_tokens_idx').using('gin', t.subjectNameTokens),
    // Search by any part of a case number ("2019-0012"), through app_search_cases (drizzle/0017, 0048).
    index('cases_number_trgm_idx').using('gin', t.number.op('gin_trgm_ops')),
    index('cases_closed_idx').on(t.closedAt),
    index('cases_retention_due_idx')
      .on(t.closedAt, t.id)
      .where(sql`${t.personalDataRemovedAt} is null and ${t.status} in ('afgesloten', 'afgewezen')`),
    // The case list pages through these newest first; referrer_user_id rides along because the row-level
    // policy reads it, which lets counts and pages use the index alone (drizzle/0014).
    index('cases_updated_idx').on(t.updatedAt, t.id),
    index('cases_status_updated_idx').on(t.status, t.updatedAt, t.id),
    // Under row-level security `status = 'triage'` (an enum comparison, not leakproof) cannot be an index
    // condition, but it proves this index's predicate: the list and count of a current status read the
    // 36,000 current cases instead of all 200,000. Status and referrer ride along (drizzle/0018).
    index('cases_current_updated_idx')
      .on(t.updatedAt, t.id)
      .where(sql`${t.status} in ('aangemeld', 'triage', 'actief', 'monitoring')`),
    // The dashboard's figures (lib/dashboard/figures.ts) each read one of these ranges from the index alone:
    // the filter columns and id ride along (INCLUDE, drizzle/0020).
    index('cases_status_facts_idx').on(t.status),
    index('cases_triaged_facts_idx').on(t.triagedAt),
    index('cases_closed_facts_idx').on(t.closedAt).where(sql`${t.status} = 'afgesloten'`),
    index('cases_municipality_idx').on(t.municipalityCode),
    index('cases_referrer_org_idx').on(t.referrerOrganisationId),
    index('cases_regisseur_idx').on(t.regisseurUserId),
    index('cases_created_facts_idx').on(t.createdAt),
    // Keyset pages of the case list by creation or status (lib/cases/list-cases.ts, drizzle/0038).
    index('cases_created_keyset_idx').on(t.createdAt, t.id),
    index('cases_status_keyset_idx').on(t.status, t.id),
    // The dashboard rollups (drizzle/0037): a status bucket, and the cases of one whole-day bucket of a median.
    index('cases_rollup_status_idx').on(t.status, t.targetGroup, t.municipalityCode),
    index('cases_triage_days_idx')
      .on(sql`(floor(date_part('epoch', ${t.triagedAt} - ${t.createdAt}) / 86400))`, t.triagedAt)
      .where(sql`${t.triagedAt} is not null`),
    index('cases_closure_days_idx')
      .on(sql`(floor(date_part('epoch', ${t.closedAt} - ${t.createdAt}) / 86400))`, t.closedAt)
      .where(sql`${t.status} = 'afgesloten'`),
  ],
);

/** Gap-free case numbers per year: the row lock on the counter serialises concurrent referrals. */
export const caseNumberCounters = pgTable('case_number_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/** Every transition of a case: who, when, from which status to which, and why. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: caseEventKind('kind').notNull(),
    fromStatus: caseStatus('from_status'),
    toStatus: caseStatus('to_status'),
    reason: text('reason'),
    // Structured facts of the event (triage decision, pause reason, changed field names): no free text.
    data: jsonb('data'),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    actorName: nameSnapshot('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.at),
    // The sweep reads the pauses of the open cases.
    index('case_events_pause_idx').on(t.caseId, t.at).where(sql`${t.kind} in ('pause', 'resume')`),
  ],
);

/** A partner organisation convened to a case; only while ended_at is null do its people see the case. */
export const casePartners = pgTable(
  'case_partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reason: text('reason').notNull(),
    addedByUserId: uuid('added_by_user_id')
      .notNull()
      .references(() => users.id),
    addedByName: nameSnapshot('added_by_name'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByUserId: uuid('ended_by_user_id').references(() => users.id),
    endedByName: text('ended_by_name'),
    endReason: text('end_reason'),
  },
  (t) => [
    index('case_partners_case_idx').on(t.caseId),
    // "Is or was convened": the dashboard's partner filter.
    index('case_partners_org_case_idx').on(t.organisationId, t.caseId),
    // INCLUDE (ended_at) in drizzle/0019: the policies' convened check is then answered from the index.
    index('case_partners_org_active_idx').on(t.organisationId, t.caseId).where(sql`${t.endedAt} is null`),
    uniqueIndex('case_partners_one_active').on(t.caseId, t.organisationId).where(sql`${t.endedAt} is null`),
  ],
);

/** Pseudonymised facts of cases (a view defined in drizzle/0003), the only case source for managers. */
export const caseFacts = pgView('case_facts', {
  id: uuid('id').notNull(),
  number: text('number').notNull(),
  status: caseStatus('status').notNull(),
  targetGroup: targetGroup('target_group').notNull(),
  municipalityCode: text('municipality_code').notNull(),
  regisseurUserId: uuid('regisseur_user_id'),
  triageDecision: triageDecision('triage_decision'),
  pauseReason: pauseReason('pause_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  triagedAt: timestamp('triaged_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  version: integer('version').notNull(),
}).existing();

/** Partners of cases without the reasons (drizzle/0013): the managers' source, like case_facts. */
export const casePartnerFacts = pgView('case_partner_facts', {
  id: uuid('id').notNull(),
  caseId: uuid('case_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  addedByUserId: uuid('added_by_user_id').notNull(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
}).existing();

export type Case = typeof cases.$inferSelect;
export type CaseStatus = (typeof caseStatus.enumValues)[number];
export type TargetGroup = (typeof targetGroup.enumValues)[number];
export type TriageDecision = (typeof triageDecision.enumValues)[number];
export type PauseReason = (typeof pauseReason.enumValues)[number];
export type CasePartner = typeof casePartners.$inferSelect;
