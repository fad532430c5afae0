import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, pgView, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agreementStatus, agreementActionKind, agreementCloseReason } from '../enums';
import { nameSnapshot, timestamps } from './columns';
import { organisations, users } from './directory';
import { cases } from './cases';
import { meetings, agendaItems } from './meetings';

// Agreements (afspraken): due-date moves, progress entries, status reports for the statusronde, confirmations,
// and the facts view for steering.

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
    // Keyset pages of the agreement lists (lib/agreements/list-agreements.ts, drizzle/0038). drizzle/0046
    // makes the owner's three indexes covering (INCLUDE case_id, owner_user_id), which drizzle cannot declare.
    index('agreements_owner_open_keyset_idx').on(t.ownerOrganisationId, t.dueDate, t.id).where(sql`${t.status} in ('open', 'in_uitvoering')`),
    index('agreements_open_keyset_idx').on(t.dueDate, t.id).where(sql`${t.status} in ('open', 'in_uitvoering')`),
    index('agreements_owner_done_keyset_idx').on(t.ownerOrganisationId, t.dueDate, t.id).where(sql`${t.status} not in ('open', 'in_uitvoering')`),
    index('agreements_done_keyset_idx').on(t.dueDate, t.id).where(sql`${t.status} not in ('open', 'in_uitvoering')`),
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
  (t) => [
    index('agreement_status_reports_meeting_idx').on(t.meetingId, t.agreementId, t.createdAt),
    index('agreement_status_reports_agreement_idx').on(t.agreementId),
  ],
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

export type Agreement = typeof agreements.$inferSelect;
export type AgreementStatus = (typeof agreementStatus.enumValues)[number];
export type AgreementConfirmation = typeof agreementConfirmations.$inferSelect;
