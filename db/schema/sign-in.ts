import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../encrypted-text';
import { users } from './directory';

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
