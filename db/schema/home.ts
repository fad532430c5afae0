import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './directory';

/** When each user last saw the home page, per session (drizzle/0035): the marker of "since your last visit". */
export const homeVisits = pgTable('home_visits', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull(),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  previousSeenAt: timestamp('previous_seen_at', { withTimezone: true }),
});
