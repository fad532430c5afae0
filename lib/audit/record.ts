import { sql, type SQL } from 'drizzle-orm';
import type { AuditAction } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Executor } from '@/db/types';
import type { Actor } from '@/lib/actor';

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  caseId?: string | null;
  caseNumber?: string | null;
  outcome?: 'allowed' | 'denied';
  /** Identifiers and counts only: never case free text, names or secrets. */
  details?: Record<string, unknown> | null;
}

export interface AuditSubject {
  userId: string | null;
  organisationId: string | null;
  role: Actor['role'] | null;
  ip?: string | null;
  userAgent?: string | null;
}

export function subjectOf(actor: Actor): AuditSubject {
  return {
    userId: actor.userId,
    organisationId: actor.organisationId,
    role: actor.role,
    ip: actor.ip,
    userAgent: actor.userAgent,
  };
}

/** Appends one entry in the caller's transaction, so it commits or rolls back with the action itself. */
export async function audit(tx: Executor, who: AuditSubject, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select ${auditAppend(who, entry)}`);
}

/**
 * The same entry as an expression, for the statement that reads or changes the data itself: one round
 * trip instead of two, and written exactly when that statement runs. Its entity id may be an expression
 * of that statement too (the id of a row a WITH of it inserts).
 */
export function auditAppend(who: AuditSubject, entry: Omit<AuditEntry, 'entityId'> & { entityId?: string | SQL | null }): SQL {
  return sql`audit_append(
    ${who.userId}::uuid, ${who.organisationId}::uuid, ${who.role}::user_role, ${entry.action}::audit_action,
    ${entry.entity}, ${entry.entityId ?? null}, ${entry.caseId ?? null}::uuid, ${entry.caseNumber ?? null},
    ${entry.outcome ?? 'allowed'}, ${who.ip ?? null}, ${who.userAgent ?? null},
    ${entry.details ? JSON.stringify(entry.details) : null}::jsonb)`;
}

/** A refused attempt is logged in a transaction of its own: the refusal itself rolls nothing back. */
export async function auditDenied(actor: Actor, entry: Omit<AuditEntry, 'outcome'>): Promise<void> {
  await asUser(actor.userId, (tx) => audit(tx, subjectOf(actor), { ...entry, outcome: 'denied' }));
}
