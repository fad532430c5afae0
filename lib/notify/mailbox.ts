import { count, desc } from 'drizzle-orm';
import { mailOutbox } from '@/db/schema';
import { asUser } from '@/db/transaction';
import { enforce } from '@/lib/access/enforce';
import type { Actor } from '@/lib/actor';

export const MAILBOX_SHOWN = 200;

export interface MailboxItem {
  id: string;
  to: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
}

/**
 * The dev mailbox: the mail outbox, newest first, for admins (without SMTP the demo's mail stays here;
 * with SMTP it shows what went out and what waits for a retry). Mail holds no personal data of a subject.
 */
export async function listMailbox(actor: Actor, limit = MAILBOX_SHOWN): Promise<{ items: MailboxItem[]; total: number }> {
  await enforce(actor, 'admin.mailbox', { entity: 'mail_outbox', attempted: 'mailbox.list', kind: 'admin' });
  return asUser(actor.userId, async (tx) => {
    const items = await tx
      .select({
        id: mailOutbox.id,
        to: mailOutbox.toEmail,
        subject: mailOutbox.subject,
        body: mailOutbox.bodyText,
        status: mailOutbox.status,
        attempts: mailOutbox.attempts,
        lastError: mailOutbox.lastError,
        nextAttemptAt: mailOutbox.nextAttemptAt,
        sentAt: mailOutbox.sentAt,
        createdAt: mailOutbox.createdAt,
      })
      .from(mailOutbox)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(limit);
    const [total] = await tx.select({ n: count() }).from(mailOutbox);
    return { items, total: total?.n ?? 0 };
  });
}
