import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifications, users } from '@/db/schema';
import type { Executor } from '@/db/types';

export interface NewNotification {
  kind: string;
  /** Short and free of personal data of the subject: a case number, never a name. */
  title: string;
  link?: string;
  caseNumber?: string;
  /** The case it is about: the retention job removes it with the case's personal data. */
  caseId?: string;
}

/**
 * Notifies users in-app, in the caller's transaction. `except` is the user whose own action caused it:
 * nobody is told about what they just did themselves.
 */
export async function notifyUsers(db: Executor, userIds: string[], notification: NewNotification, options: { except?: string } = {}): Promise<void> {
  const unique = [...new Set(userIds)].filter((id) => id !== options.except);
  if (unique.length === 0) return;
  await db.insert(notifications).values(unique.map((userId) => ({ userId, ...notification })));
}

/** The regisseur of a case, or every active regisseur when none is assigned yet. */
export async function regisseursOf(db: Executor, regisseurUserId: string | null): Promise<string[]> {
  if (regisseurUserId) return [regisseurUserId];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'regisseur'), eq(users.active, true)));
  return rows.map((r) => r.id);
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markRead(db: Executor, userId: string, ids: string[] | 'all'): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids)));
}
