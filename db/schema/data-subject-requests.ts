import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../encrypted-text';
import { cases } from './cases';
import { organisations, users } from './directory';

/*
 * WGS contact point (drizzle/0043): a data-subject request (AVG chapter III) registered once by the house,
 * the cases of the person it involves, and one task per partner organisation convened to those cases.
 * Who asked and how to reach them, the identity note and the answers are encrypted by the application.
 */
export const dataSubjectRequests = pgTable(
  'data_subject_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    requesterName: encryptedText('requester_name').notNull(),
    requesterContact: encryptedText('requester_contact').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    identityCheck: text('identity_check').notNull(),
    identityNote: encryptedText('identity_note').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    extendedDueOn: date('extended_due_on', { mode: 'string' }),
    extensionReason: encryptedText('extension_reason'),
    extendedAt: timestamp('extended_at', { withTimezone: true }),
    extendedBy: uuid('extended_by').references(() => users.id),
    answerText: encryptedText('answer_text'),
    answeredOn: date('answered_on', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    registeredBy: uuid('registered_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('data_subject_requests_received_idx').on(t.receivedOn)],
);

export const dataSubjectRequestCases = pgTable(
  'data_subject_request_cases',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => dataSubjectRequests.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.caseId] })],
);

/** A partner's part of a request: kind and term are copied here, so a partner never reads the request itself. */
export const dataSubjectRequestTasks = pgTable(
  'data_subject_request_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => dataSubjectRequests.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    noData: boolean('no_data').notNull().default(false),
    answer: encryptedText('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('data_subject_request_tasks_one_per_org').on(t.requestId, t.organisationId),
    index('data_subject_request_tasks_org_idx').on(t.organisationId).where(sql`${t.status} = 'open'`),
  ],
);

export type DataSubjectRequest = typeof dataSubjectRequests.$inferSelect;
export type DataSubjectRequestTask = typeof dataSubjectRequestTasks.$inferSelect;
