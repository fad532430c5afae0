import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRole } from '../enums';
import { organisations, users } from './directory';

// Administration: invitations and four-eyes access grants.

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

export type UserInvitation = typeof userInvitations.$inferSelect;
export type AccessGrant = typeof accessGrants.$inferSelect;
