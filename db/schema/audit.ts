import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { userRole, auditAction } from '../enums';

// Audit log (verwerkingenlog): append-only for the app role, hash-chained for tamper evidence.

export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    organisationId: uuid('organisation_id'),
    role: userRole('role'),
    action: auditAction('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    caseId: uuid('case_id'),
    caseNumber: text('case_number'),
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_case_idx').on(t.caseId, t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
    index('audit_log_at_idx').on(t.at),
  ],
);

/**
 * Where the audit chain starts after old entries were purged (5-year term): the hash of the last purged
 * row, which the oldest remaining row must point to. Verification checks against the newest anchor.
 */
export const auditChainAnchors = pgTable('audit_chain_anchors', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  purgedThroughId: integer('purged_through_id').notNull(),
  anchorHash: text('anchor_hash').notNull(),
  purgedCount: integer('purged_count').notNull(),
  purgedAt: timestamp('purged_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AuditAction = (typeof auditAction.enumValues)[number];
