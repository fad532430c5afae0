import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisationDomain, userRole } from '../enums';
import { timestamps } from './columns';

// Reference data, settings, organisations and their users with their sessions.

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
