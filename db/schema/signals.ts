import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { signalStatus, mailStatus } from '../enums';
import { timestamps } from './columns';
import { organisations, users } from './directory';
import { cases } from './cases';

// Stagnation signals, escalation, in-app notifications and the mail outbox.

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
    // The list's keyset order (lib/signals/list-signals.ts, drizzle/0038).
    index('signals_status_ladder_idx').on(t.status, t.level.desc(), t.since, t.id),
    index('signals_case_idx').on(t.caseId),
    // The dashboard: open signals per level, opened and resolved per week.
    index('signals_open_level_idx').on(t.level).where(sql`${t.status} <> 'resolved'`),
    index('signals_created_idx').on(t.createdAt),
    // The sweep does not raise again what a regisseur resolved by hand for the same cause.
    index('signals_manually_resolved_key_idx').on(t.key, t.since).where(sql`${t.status} = 'resolved' and not ${t.autoResolved}`),
    index('signals_resolved_idx').on(t.resolvedAt).where(sql`${t.resolvedAt} is not null`),
    index('signals_org_idx').on(t.organisationId),
    // The dashboard rollup of open signals per organisation and level (drizzle/0037).
    index('signals_open_org_level_idx')
      .on(sql`(coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid))`, t.level)
      .where(sql`${t.status} <> 'resolved'`),
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
    /** The case it is about: the retention job removes it with the case's personal data. */
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_case_idx').on(t.caseId).where(sql`${t.caseId} is not null`),
  ],
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
    /** The case the mail is about, if any: the retention job removes it with the case's personal data. */
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
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
    index('mail_outbox_case_idx').on(t.caseId).where(sql`${t.caseId} is not null`),
  ],
);

export type SignalRow = typeof signals.$inferSelect;
export type MailRow = typeof mailOutbox.$inferSelect;
