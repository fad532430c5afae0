import { and, desc, eq, sql } from 'drizzle-orm';
import { auditLog, users } from '@/db/schema';
import type { DbHandle } from '@/db/types';
import { AppError } from '@/lib/http/errors';

/*
 * Helpers for the administration tests (lib/admin, lib/users): what an action answered, and what the
 * audit log says about it. Tests only; they read the database as the owner.
 */

/** The AppError an action failed with (code, Dutch message, field errors), or { code: 'OK' }. */
export async function outcomeOf(work: Promise<unknown>): Promise<{ code: string; message?: string; fieldErrors?: Record<string, string[]> }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  return { code: 'OK' };
}

export async function userByEmail(handle: DbHandle, email: string) {
  const [row] = await handle.db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!row) throw new Error(`no user ${email}`);
  return row;
}

/** Audit entries about one entity, newest first. */
export function auditAbout(handle: DbHandle, entity: string, entityId?: string | null) {
  return handle.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), entityId === undefined ? undefined : entityId === null ? sql`${auditLog.entityId} is null` : eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id));
}
