import { and, desc, eq, sql } from 'drizzle-orm';
import { auditLog, mailOutbox, users } from '@/db/schema';
import type { DbHandle } from '@/db/types';
import { AppError } from '@/lib/errors';
import { signInAs } from '@/lib/testing/actors';
import { decideGrant } from '@/lib/users/decide-grant';

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

/** The bodies of the mail to one address, newest first (what the outbox would deliver). */
export async function mailTo(handle: DbHandle, email: string, subject?: string) {
  const rows = await handle.db
    .select({ subject: mailOutbox.subject, body: mailOutbox.bodyText })
    .from(mailOutbox)
    .where(and(eq(sql`lower(${mailOutbox.toEmail})`, email.toLowerCase()), subject === undefined ? undefined : eq(mailOutbox.subject, subject)))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id));
  return rows;
}

/** The invitation link in the newest invitation mail to `email`: the only place it exists. */
export async function invitationLinkMailedTo(handle: DbHandle, email: string): Promise<string> {
  const [mail] = await mailTo(handle, email, 'Uitnodiging voor Casusregie');
  const link = mail?.body.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error(`no invitation mailed to ${email}`);
  return link;
}

/** A second person's decision on a grant, as the demo account `email`. */
export async function decideAs(email: string, grantId: string, decision: 'approve' | 'reject' = 'approve', baseUrl = 'https://casusregie.example.nl') {
  return decideGrant(await signInAs(email), { grantId, decision }, { baseUrl });
}
