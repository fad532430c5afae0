import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { encryptedText } from '../encrypted-text';
import { cases } from './cases';
import { nameSnapshot } from './columns';
import { users } from './directory';

// What a referral brings beside the case: the earlier cases of the same person, and the journal of contacts.

/** Earlier cases of the same person found when a referral came in (drizzle/0032): ids only. */
export const referralMatches = pgTable(
  'referral_matches',
  {
    referralCaseId: uuid('referral_case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    matchedCaseId: uuid('matched_case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    foundAt: timestamp('found_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'referral_matches_pk', columns: [t.referralCaseId, t.matchedCaseId] }),
    index('referral_matches_matched_idx').on(t.matchedCaseId),
    check('referral_matches_other', sql`${t.referralCaseId} <> ${t.matchedCaseId}`),
  ],
);

/** The case journal of contacts (drizzle/0033): regisseurs write it, the timeline shows it. */
export const caseContacts = pgTable(
  'case_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['telefoon', 'mail', 'overleg'] }).notNull(),
    contactDate: date('contact_date', { mode: 'string' }).notNull(),
    organisation: encryptedText('organisation').notNull(),
    note: encryptedText('note').notNull(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorName: nameSnapshot('author_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_contacts_case_idx').on(t.caseId, t.contactDate),
    check('case_contacts_kind', sql`${t.kind} in ('telefoon', 'mail', 'overleg')`),
  ],
);
