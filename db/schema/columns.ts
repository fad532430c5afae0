import { sql } from 'drizzle-orm';
import { text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A name as it was when the row was written (author snapshots: renaming an account does not rewrite
 * history). Left out by the writer, the database fills it from the referenced user or organisation in a
 * BEFORE trigger (drizzle/0022); the NULL default only lets the trigger see that it was left out, and
 * NOT NULL is checked after the trigger.
 */
export const nameSnapshot = (column: string) => text(column).notNull().default(sql`null`);

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
