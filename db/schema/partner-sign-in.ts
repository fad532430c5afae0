import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../encrypted-text';
import { timestamps } from './columns';
import { organisations, users } from './directory';

// Sign-in through a partner organisation's own identity provider (OpenID Connect, lib/auth/oidc). Like the
// two-factor tables, the app role has no access (drizzle/0041): only the sign-in machinery, as the owner.

/**
 * What the IdP's own second factor counts for: accepted when its ID token names one of `mfaValues` in
 * `amr` or `acr` (else Casusregie's TOTP is asked, or with idp-required the sign-in is refused), or never
 * (totp: Casusregie's TOTP after every IdP sign-in).
 */
export const idpMfaPolicy = pgEnum('idp_mfa_policy', ['idp-or-totp', 'idp-required', 'totp']);

export const organisationIdps = pgTable('organisation_idps', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** Encrypted like subject data: a dump must not let anyone act as Casusregie at the partner's IdP. */
  clientSecret: encryptedText('client_secret').notNull(),
  mfaPolicy: idpMfaPolicy('mfa_policy').notNull().default('idp-or-totp'),
  mfaValues: text('mfa_values').array().notNull().default(['mfa']),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/** The email domains whose people sign in at that organisation's IdP; one organisation per domain. */
export const idpEmailDomains = pgTable(
  'idp_email_domains',
  {
    domain: text('domain').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisationIdps.organisationId, { onDelete: 'cascade' }),
  },
  (t) => [index('idp_email_domains_organisation_idx').on(t.organisationId)],
);

/** A user's subject (`sub`) at their organisation's IdP, bound at the first sign-in there. */
export const userIdpSubjects = pgTable(
  'user_idp_subjects',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    boundAt: timestamp('bound_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('user_idp_subjects_subject_unique').on(t.organisationId, t.subject)],
);

/** A sign-in sent to an IdP and not yet back: its `state` is used once (a replay finds nothing). */
export const oidcSignInRequests = pgTable(
  'oidc_sign_in_requests',
  {
    state: text('state').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    callbackPath: text('callback_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_sign_in_requests_created_idx').on(t.createdAt)],
);

export type OrganisationIdp = typeof organisationIdps.$inferSelect;
export type IdpMfaPolicy = (typeof idpMfaPolicy.enumValues)[number];
