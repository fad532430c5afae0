import { and, count, desc, eq } from 'drizzle-orm';
import { notifications } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { z } from '@/lib/validation/zod';
import { markRead, unreadCount } from './in-app';
import { msg } from '@/lib/errors';

/*
 * The notification centre: every user's own notifications (row-level security keeps them to their own),
 * newest first, and marking them read.
 */

export const NOTIFICATIONS_SHOWN = 100;

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  caseNumber: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export async function unreadNotifications(actor: Actor): Promise<number> {
  return asUser(actor.userId, (tx) => unreadCount(tx, actor.userId));
}

export async function listNotifications(
  actor: Actor,
  limit = NOTIFICATIONS_SHOWN,
): Promise<{ items: NotificationItem[]; total: number; unread: number }> {
  return asUser(actor.userId, async (tx) => {
    const items = await tx
      .select({
        id: notifications.id,
        kind: notifications.kind,
        title: notifications.title,
        link: notifications.link,
        caseNumber: notifications.caseNumber,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, actor.userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit);
    const [totals] = await tx.select({ total: count() }).from(notifications).where(eq(notifications.userId, actor.userId));
    return { items, total: totals?.total ?? 0, unread: await unreadCount(tx, actor.userId) };
  });
}

export const markReadSchema = z.union([
  z.strictObject({ all: z.literal(true) }),
  z.strictObject({ id: z.uuid({ message: msg('notify.unknownNotification') }) }),
]);
export type MarkReadInput = z.infer<typeof markReadSchema>;

/** Marks one of the actor's notifications, or all of them, read. Someone else's id changes nothing. */
export async function markNotificationsRead(actor: Actor, input: MarkReadInput): Promise<void> {
  await asUser(actor.userId, (tx) => markRead(tx, actor.userId, 'all' in input ? 'all' : [input.id]));
}


/** Only links inside the app are followed from a notification. */
export function internalLink(link: string | null): string | null {
  return link && /^\/(?!\/)/.test(link) ? link : null;
}

/**
 * Opening a notification: it is read from then on; answers where it leads (null when it leads nowhere or
 * is not the actor's own, which is left unchanged).
 */
export async function openNotification(actor: Actor, id: string, now = new Date()): Promise<string | null> {
  return asUser(actor.userId, async (tx) => {
    const [row] = await tx
      .select({ link: notifications.link, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)));
    if (!row) return null;
    if (!row.readAt) await tx.update(notifications).set({ readAt: now }).where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)));
    return internalLink(row.link);
  });
}
