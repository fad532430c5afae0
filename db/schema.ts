import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { encryptedText } from './encrypted-text';
import {
  organisationDomain,
  userRole,
  caseStatus,
  targetGroup,
  triageDecision,
  pauseReason,
  caseEventKind,
  auditAction,
  meetingKind,
  meetingStatus,
  recurrence,
  attendance,
  agendaItemStatus,
  agreementStatus,
  agreementActionKind,
  agreementCloseReason,
  signalStatus,
  mailStatus,
} from './enums';

// The enums live apart so that client components can use their values without the table definitions.
export * from './enums';



/**
 * A name as it was when the row was written (author snapshots: renaming an account does not rewrite
 * history). Left out by the writer, the database fills it from the referenced user or organisation in a
 * BEFORE trigger (drizzle/0022); the NULL default only lets the trigger see that it was left out, and
 * NOT NULL is checked after the trigger.
 */
const nameSnapshot = (column: string) => text(column).notNull().default(sql`null`);

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const safetyRegions = pgTable('safety_regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  policeUnit: text('police_unit').notNull(),
  riec: text('riec').notNull(),
});

export const municipalities = pgTable(
  'municipalities',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    safetyRegionCode: text('safety_region_code')
      .notNull()
      .references(() => safetyRegions.code),
    policeUnit: text('police_unit').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('municipalities_safety_region_idx').on(t.safetyRegionCode)],
);

/** Key/value settings of the house (its name, region, later thresholds and retention terms). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    domain: organisationDomain('domain').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('organisations_name_unique').on(sql`lower(${t.name})`)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    // Bumped to end every session of the user at once (deactivation, role change, sign-out everywhere).
    sessionVersion: integer('session_version').notNull().default(1),
    locale: text('locale').notNull().default('nl'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    index('users_organisation_idx').on(t.organisationId),
  ],
);

/** One row per sign-in: lets the server enforce idle and absolute timeouts and revoke a single session. */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    // Null while the session has passed the password but not the second factor: such a session reaches
    // only the two-factor step (lib/auth/sessions.ts), nothing else.
    mfaVerifiedAt: timestamp('mfa_verified_at', { withTimezone: true }),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
export type Municipality = typeof municipalities.$inferSelect;
export type SafetyRegion = typeof safetyRegions.$inferSelect;
export type OrganisationDomain = (typeof organisationDomain.enumValues)[number];
export type UserRole = (typeof userRole.enumValues)[number];

// ---------------------------------------------------------------------------------------------------
// Cases





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
    // Search by any part of a case number ("2019-0012"), through app_search_cases (drizzle/0017).
    index('cases_number_trgm_idx').using('gin', t.number.op('gin_trgm_ops')),
    index('cases_closed_idx').on(t.closedAt),
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

/** Earlier cases of the same person found when a referral came in (drizzle/0032): ids only. */
export const referralMatches = pgTable(
  'referral_matches',
  {
    referralCaseId: uuid('referral_case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    matchedCaseId: uuid('matched_case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    foundAt: timestamp('found_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'referral_matches_pk', columns: [t.referralCaseId, t.matchedCaseId] }),
    index('referral_matches_matched_idx').on(t.matchedCaseId),
    check('referral_matches_other', sql`${t.referralCaseId} <> ${t.matchedCaseId}`),
  ],
);

/** The case journal of contacts (drizzle/0033): regisseurs write it, the timeline shows it. */
export const caseContacts = pgTable(
  'case_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['telefoon', 'mail', 'overleg'] }).notNull(),
    contactDate: date('contact_date', { mode: 'string' }).notNull(),
    organisation: encryptedText('organisation').notNull(),
    note: encryptedText('note').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorName: nameSnapshot('author_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_contacts_case_idx').on(t.caseId, t.contactDate),
    check('case_contacts_kind', sql`${t.kind} in ('telefoon', 'mail', 'overleg')`),
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

// ---------------------------------------------------------------------------------------------------
// Audit log (verwerkingenlog): append-only for the app role, hash-chained for tamper evidence.


export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    organisationId: uuid('organisation_id'),
    role: userRole('role'),
    action: auditAction('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    caseId: uuid('case_id'),
    caseNumber: text('case_number'),
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_case_idx').on(t.caseId, t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
    index('audit_log_at_idx').on(t.at),
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
export type AuditAction = (typeof auditAction.enumValues)[number];

// ---------------------------------------------------------------------------------------------------
// Meetings (casusoverleg) and agreements (afspraken)


export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    kind: meetingKind('kind').notNull(),
    status: meetingStatus('status').notNull().default('concept'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location'),
    videoUrl: text('video_url'),
    chairUserId: uuid('chair_user_id')
      .notNull()
      .references(() => users.id),
    // As on the minutes: the names when chair and minute taker were chosen (set again when they change).
    chairName: nameSnapshot('chair_name'),
    minuteTakerUserId: uuid('minute_taker_user_id').references(() => users.id),
    minuteTakerName: text('minute_taker_name'),
    // Meetings of one series share the id of the first; the next one is made from the last.
    seriesId: uuid('series_id'),
    recurrence: recurrence('recurrence').notNull().default('geen'),
    // iCalendar SEQUENCE: raised whenever the invitation changes (moved, cancelled).
    sequence: integer('sequence').notNull().default(0),
    statusReason: text('status_reason'),
    // "Nu besproken": the item the chair marked while bezig (FK to agenda_items, on delete set null: drizzle/0028).
    currentItemId: uuid('current_item_id'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('meetings_starts_idx').on(t.startsAt), index('meetings_series_idx').on(t.seriesId)],
);

export const meetingInvitees = pgTable(
  'meeting_invitees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    attendance: attendance('attendance'),
    // An absent partner's information sent in advance, as the regisseur recorded it came in (drizzle/0030).
    informationReceivedAt: timestamp('information_received_at', { withTimezone: true }),
    informationNote: text('information_note'),
  },
  (t) => [
    index('meeting_invitees_meeting_idx').on(t.meetingId),
    index('meeting_invitees_org_idx').on(t.organisationId, t.meetingId),
    uniqueIndex('meeting_invitees_org_unique').on(t.meetingId, t.organisationId),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    topic: text('topic'),
    durationMinutes: integer('duration_minutes').notNull().default(15),
    presenterUserId: uuid('presenter_user_id').references(() => users.id),
    minutes: text('minutes'),
    outcome: text('outcome'),
    status: agendaItemStatus('status').notNull().default('open'),
    movedToItemId: uuid('moved_to_item_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position), index('agenda_items_case_idx').on(t.caseId)],
);

/** An author's unsaved minutes and outcome of one agenda item (drizzle/0029_minute_drafts.sql). */
export const minuteDrafts = pgTable(
  'minute_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    minutes: text('minutes').notNull().default(''),
    outcome: text('outcome').notNull().default(''),
    baseVersion: integer('base_version').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('minute_drafts_item_user_idx').on(t.agendaItemId, t.userId)],
);
export type MinuteDraft = typeof minuteDrafts.$inferSelect;

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id),
    description: text('description').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    originalDueDate: date('original_due_date', { mode: 'string' }).notNull(),
    dueDateMoves: integer('due_date_moves').notNull().default(0),
    status: agreementStatus('status').notNull().default('open'),
    blockedAt: timestamp('blocked_at', { withTimezone: true }),
    blockedReason: text('blocked_reason'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completionNote: text('completion_note'),
    // Born in a casusoverleg (with agendaItemId) and closed in one; "niet gedaan" keeps its reason (drizzle/0027).
    meetingId: uuid('meeting_id').references(() => meetings.id),
    closedInMeetingId: uuid('closed_in_meeting_id').references(() => meetings.id),
    closeReason: agreementCloseReason('close_reason'),
    closeNote: text('close_note'),
    lastProgressAt: timestamp('last_progress_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdByName: nameSnapshot('created_by_name'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // The agreements of a case; the columns the dashboard counts ride along (INCLUDE, drizzle/0020).
    index('agreements_case_facts_idx').on(t.caseId),
    index('agreements_owner_status_due_idx').on(t.ownerOrganisationId, t.status, t.dueDate),
    index('agreements_status_due_idx').on(t.status, t.dueDate),
    // Open work by due date (Mijn afspraken, the house's list): read in index order up to the page's end.
    index('agreements_open_due_idx').on(t.dueDate).where(sql`${t.status} in ('open', 'in_uitvoering')`),
    index('agreements_owner_open_due_idx').on(t.ownerOrganisationId, t.dueDate).where(sql`${t.status} in ('open', 'in_uitvoering')`),
    // The dashboard's share done on time per owner, counted from these ranges: the predicates hold the
    // conditions, so no completion date is converted per row.
    index('agreements_owner_on_time_idx')
      .on(t.ownerOrganisationId, t.dueDate)
      .where(sql`${t.status} = 'gereed' and (${t.completedAt} at time zone 'Europe/Amsterdam')::date <= ${t.dueDate}`),
    index('agreements_owner_late_idx')
      .on(t.ownerOrganisationId, t.dueDate)
      .where(sql`${t.status} = 'gereed' and ((${t.completedAt} at time zone 'Europe/Amsterdam')::date <= ${t.dueDate}) is not true`),
    index('agreements_owner_unfinished_idx')
      .on(t.ownerOrganisationId, t.dueDate)
      .where(sql`${t.status} not in ('open', 'in_uitvoering', 'gereed', 'vervallen')`),
    index('agreements_meeting_idx').on(t.meetingId).where(sql`${t.meetingId} is not null`),
    index('agreements_closed_in_meeting_idx').on(t.closedInMeetingId).where(sql`${t.closedInMeetingId} is not null`),
  ],
);

export const agreementDueChanges = pgTable(
  'agreement_due_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    changedByUserId: uuid('changed_by_user_id')
      .notNull()
      .references(() => users.id),
    changedByName: nameSnapshot('changed_by_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreement_due_changes_agreement_idx').on(t.agreementId)],
);

/** Progress entries (acties): what a professional did towards an agreement. */
export const agreementActions = pgTable(
  'agreement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    kind: agreementActionKind('kind').notNull(),
    note: text('note'),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorOrganisationId: uuid('author_organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorName: nameSnapshot('author_name'),
    authorOrganisationName: nameSnapshot('author_organisation_name'),
    // A retried or double-clicked request carries the same key and is stored once.
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreement_actions_agreement_idx').on(t.agreementId, t.createdAt),
    uniqueIndex('agreement_actions_idempotency_unique').on(t.authorUserId, t.idempotencyKey),
  ],
);

/** In-app notifications (the notification centre); mail goes through an outbox later. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    link: text('link'),
    caseNumber: text('case_number'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------------
// The meeting cycle (drizzle/0030): statusronde before the meeting, the frozen and sealed report after.

/** A partner asked to report on its open agreements on the agenda, due the working day before. */
export const meetingStatusRequests = pgTable(
  'meeting_status_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meeting_status_requests_unique').on(t.meetingId, t.organisationId),
    index('meeting_status_requests_org_idx').on(t.organisationId, t.dueDate),
  ],
);

/** What the owning partner reported on one agreement for the statusronde of one meeting. */
export const agreementStatusReports = pgTable(
  'agreement_status_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorName: text('author_name').notNull(),
    note: text('note').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreement_status_reports_meeting_idx').on(t.meetingId, t.agreementId, t.createdAt)],
);

/** One sealed version of a finished meeting's report: the header; the items are rows of their own. */
export const meetingReports = pgTable(
  'meeting_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    header: jsonb('header').notNull(),
    sha256: text('sha256').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull(),
    sealedByUserId: uuid('sealed_by_user_id')
      .notNull()
      .references(() => users.id),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedByUserId: uuid('reopened_by_user_id').references(() => users.id),
    reopenReason: text('reopen_reason'),
  },
  (t) => [uniqueIndex('meeting_reports_version_unique').on(t.meetingId, t.version)],
);

/** An agenda item as it stood at afronding; row-level security shows it only where the live item shows. */
export const meetingReportItems = pgTable(
  'meeting_report_items',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => meetingReports.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').notNull(),
    position: integer('position').notNull(),
    caseId: uuid('case_id'),
    content: jsonb('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.agendaItemId] }), index('meeting_report_items_case_idx').on(t.caseId)],
);

export type Meeting = typeof meetings.$inferSelect;
export type MeetingStatus = (typeof meetingStatus.enumValues)[number];
export type MeetingKind = (typeof meetingKind.enumValues)[number];
export type AgendaItem = typeof agendaItems.$inferSelect;
export type Agreement = typeof agreements.$inferSelect;
export type AgreementStatus = (typeof agreementStatus.enumValues)[number];

/** Agreement facts for steering (a view defined in drizzle/0008): no description, note or reason. */
export const agreementFacts = pgView('agreement_facts', {
  id: uuid('id').notNull(),
  caseId: uuid('case_id').notNull(),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  status: agreementStatus('status').notNull(),
  dueDate: date('due_date', { mode: 'string' }).notNull(),
  originalDueDate: date('original_due_date', { mode: 'string' }).notNull(),
  dueDateMoves: integer('due_date_moves').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  blockedAt: timestamp('blocked_at', { withTimezone: true }),
  lastProgressAt: timestamp('last_progress_at', { withTimezone: true }),
  closeReason: agreementCloseReason('close_reason'),
}).existing();

// ---------------------------------------------------------------------------------------------------
// Two-factor sign-in and attack resistance. The app role has no access to these tables (revoked in
// the migration that creates them): only the sign-in machinery, running as the owner, reads secrets and counters.

/** A user's TOTP second factor (RFC 6238); unconfirmed until the user has entered a first code from it. */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Base32, 160 bits, encrypted like subject data: a dump must not let anyone mint codes. */
  secret: encryptedText('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The newest time step (unix seconds / 30) accepted: a code of that step or an older one is a replay. */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes, stored as argon2id hashes like passwords; shown to the user once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * Counters for throttling (lib/auth/throttle.ts): one row per key ("account:<email>", "ip:<address>",
 * "search:<user id>", …), counting hits in a fixed window; a key can be locked until a moment.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowStart)],
);

export type UserTotp = typeof userTotp.$inferSelect;

// ---------------------------------------------------------------------------------------------------
// Stagnation signals, escalation, mail outbox


/** Escalation contacts of a partner organisation (opschaling level 1). */
export const organisationContacts = pgTable(
  'organisation_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_contacts_org_idx').on(t.organisationId)],
);

export const signals = pgTable(
  'signals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    rule: text('rule').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    since: timestamp('since', { withTimezone: true }).notNull(),
    message: text('message').notNull(),
    status: signalStatus('status').notNull().default('open'),
    /** 0 regisseur, 1 contact person of the owning organisation, 2 house manager, 3 stuurgroep. */
    level: integer('level').notNull().default(0),
    levelSince: timestamp('level_since', { withTimezone: true }).notNull(),
    snoozedUntil: date('snoozed_until', { mode: 'string' }),
    snoozeReason: text('snooze_reason'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByUserId: uuid('resolved_by_user_id').references(() => users.id),
    resolutionNote: text('resolution_note'),
    autoResolved: boolean('auto_resolved').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('signals_open_key_unique').on(t.key).where(sql`${t.status} <> 'resolved'`),
    index('signals_status_level_idx').on(t.status, t.level),
    // Partial rather than led by status: see drizzle/0018.
    index('signals_open_ladder_idx').on(t.level.desc().nullsFirst(), t.since, t.key).where(sql`${t.status} = 'open'`),
    index('signals_case_idx').on(t.caseId),
    // The dashboard: open signals per level, opened and resolved per week.
    index('signals_open_level_idx').on(t.level).where(sql`${t.status} <> 'resolved'`),
    index('signals_created_idx').on(t.createdAt),
    // The sweep does not raise again what a regisseur resolved by hand for the same cause.
    index('signals_manually_resolved_key_idx').on(t.key, t.since).where(sql`${t.status} = 'resolved' and not ${t.autoResolved}`),
    index('signals_resolved_idx').on(t.resolvedAt).where(sql`${t.resolvedAt} is not null`),
    index('signals_org_idx').on(t.organisationId),
  ],
);

export const signalEscalations = pgTable(
  'signal_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    signalId: uuid('signal_id')
      .notNull()
      .references(() => signals.id, { onDelete: 'cascade' }),
    level: integer('level').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
  },
  (t) => [index('signal_escalations_signal_idx').on(t.signalId)],
);

/**
 * Transactional outbox: a mail is written in the same transaction as its cause and delivered by a worker
 * with retries; the dedupe key makes a second write of the same mail a no-op.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull(),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    status: mailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_unique').on(t.dedupeKey),
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

export type SignalRow = typeof signals.$inferSelect;
export type MailRow = typeof mailOutbox.$inferSelect;

// ---------------------------------------------------------------------------------------------------
// Administration and retention

/** A single-use invitation: the link carries a random token, the table only its SHA-256. */
export const userInvitations = pgTable(
  'user_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('user_invitations_token_unique').on(t.tokenHash), index('user_invitations_email_idx').on(sql`lower(${t.email})`)],
);

/**
 * Where the audit chain starts after old entries were purged (5-year term): the hash of the last purged
 * row, which the oldest remaining row must point to. Verification checks against the newest anchor.
 */
export const auditChainAnchors = pgTable('audit_chain_anchors', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  purgedThroughId: integer('purged_through_id').notNull(),
  anchorHash: text('anchor_hash').notNull(),
  purgedCount: integer('purged_count').notNull(),
  purgedAt: timestamp('purged_at', { withTimezone: true }).notNull().defaultNow(),
});

export type UserInvitation = typeof userInvitations.$inferSelect;

/**
 * Four eyes on access (drizzle/0023): a role is granted, or a user's role or organisation changed, only
 * once a second person approves what an admin asked for. An invitation is sent (its link mailed to the
 * invitee only) at approval; a change is applied at approval. One pending grant per user and per address.
 */
export const accessGrants = pgTable(
  'access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['invitation', 'change'] }).notNull(),
    /** The account a change is for; null for an invitation. */
    userId: uuid('user_id').references(() => users.id),
    /** The version of that account the change was asked against: it is applied only to that version. */
    userVersion: integer('user_version'),
    /** Whom an invitation is for; null for a change. */
    email: text('email'),
    name: text('name'),
    role: userRole('role').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decision: text('decision', { enum: ['approved', 'rejected', 'withdrawn'] }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The invitation made at approval. */
    invitationId: uuid('invitation_id').references(() => userInvitations.id),
  },
  (t) => [
    check('access_grants_kind_fields', sql`(${t.kind} = 'invitation' and ${t.email} is not null and ${t.name} is not null and ${t.userId} is null)
      or (${t.kind} = 'change' and ${t.userId} is not null and ${t.userVersion} is not null and ${t.email} is null)`),
    check('access_grants_decided', sql`(${t.decision} is null) = (${t.decidedAt} is null) and (${t.decision} is null) = (${t.decidedBy} is null)`),
    check('access_grants_decision', sql`${t.decision} is null or ${t.decision} in ('approved', 'rejected', 'withdrawn')`),
    uniqueIndex('access_grants_pending_user').on(t.userId).where(sql`${t.decidedAt} is null and ${t.userId} is not null`),
    uniqueIndex('access_grants_pending_email').on(sql`lower(${t.email})`).where(sql`${t.decidedAt} is null and ${t.email} is not null`),
    index('access_grants_requested_idx').on(t.requestedAt),
  ],
);

export type AccessGrant = typeof accessGrants.$inferSelect;

/** The live meeting's event log (drizzle/0028): written by triggers, ids only, read through meeting_events_after(). */
export const meetingEvents = pgTable(
  'meeting_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['meeting', 'item', 'agreement', 'confirmation', 'presence'] }).notNull(),
    agendaItemId: uuid('agenda_item_id'),
    caseId: uuid('case_id'),
    agreementId: uuid('agreement_id'),
    organisationId: uuid('organisation_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_events_meeting_idx').on(t.meetingId, t.id)],
);

/** One row per open event stream; connected = seen within 45 seconds (drizzle/0028). */
export const meetingPresence = pgTable(
  'meeting_presence',
  {
    connectionId: uuid('connection_id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull(),
  },
  (t) => [index('meeting_presence_meeting_idx').on(t.meetingId, t.lastSeen)],
);

/** The owning organisation's answer to an agreement made for it: akkoord, or a question back. */
export const agreementConfirmations = pgTable(
  'agreement_confirmations',
  {
    agreementId: uuid('agreement_id')
      .primaryKey()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    response: text('response', { enum: ['akkoord', 'vraag'] }).notNull(),
    question: text('question'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('agreement_confirmations_question', sql`(${t.response} = 'vraag') = (${t.question} is not null)`)],
);

export type AgreementConfirmation = typeof agreementConfirmations.$inferSelect;

/** When each user last saw the home page, per session (drizzle/0035): the marker of "since your last visit". */
export const homeVisits = pgTable('home_visits', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull(),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  previousSeenAt: timestamp('previous_seen_at', { withTimezone: true }),
});
