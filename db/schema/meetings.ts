import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { meetingKind, meetingStatus, recurrence, attendance, agendaItemStatus } from '../enums';
import { nameSnapshot, timestamps } from './columns';
import { organisations, users } from './directory';
import { cases } from './cases';

// Meetings (casusoverleg), their agenda and minute drafts, the meeting cycle (drizzle/0030): statusronde
// before the meeting, the frozen and sealed report after; and the live meeting's events and presence (drizzle/0028).

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

export type MinuteDraft = typeof minuteDrafts.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type MeetingStatus = (typeof meetingStatus.enumValues)[number];
export type MeetingKind = (typeof meetingKind.enumValues)[number];
export type AgendaItem = typeof agendaItems.$inferSelect;
