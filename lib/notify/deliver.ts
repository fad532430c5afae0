import { sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { queryRows } from '@/db/query';
import type { Db } from '@/db/types';
import { asDeliveredAt } from './reminder-mail';
import { messageIdDomain } from './sender';

const MAX_ATTEMPTS = 10;

/** Exponential backoff: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/**
 * Delivers due mail from the outbox. Each row is locked while it is sent (SKIP LOCKED: several workers
 * never take the same mail) and marked sent in the same transaction, so a mail is sent once; a failure
 * schedules a retry with backoff, and nothing is lost when the server is down. `from` is the sender
 * (lib/notify/sender.ts); the Message-ID is `<outbox id@its domain>` and the Date the clock passed in.
 */
export async function deliverDueMail(db: Db, transport: Transporter, from: string, now = new Date(), batch = 20): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0 };
  const domain = messageIdDomain(from);
  for (let i = 0; i < batch; i++) {
    const done = await db.transaction(async (tx) => {
      const [mail] = await queryRows<{ id: string; dedupe_key: string; to_email: string; subject: string; body_text: string; attempts: number }>(
        tx,
        sql`select id, dedupe_key, to_email, subject, body_text, attempts from mail_outbox
            where status = 'pending' and next_attempt_at <= ${now} order by next_attempt_at limit 1 for update skip locked`,
      );
      if (!mail) return false;
      try {
        const { subject, text } = asDeliveredAt({ dedupeKey: mail.dedupe_key, subject: mail.subject, text: mail.body_text }, now);
        await transport.sendMail({
          from: { name: 'Casusregie', address: from },
          to: mail.to_email,
          subject,
          text,
          messageId: `<${mail.id}@${domain}>`,
          date: now,
        });
        await tx.execute(sql`update mail_outbox set status = 'sent', sent_at = ${now}, attempts = attempts + 1, last_error = null where id = ${mail.id}`);
        result.sent++;
      } catch (error) {
        const attempts = mail.attempts + 1;
        const code = (error as { code?: string; responseCode?: number }).code ?? String((error as { responseCode?: number }).responseCode ?? 'error');
        await tx.execute(sql`update mail_outbox set attempts = ${attempts}, last_error = ${code},
          status = ${attempts >= MAX_ATTEMPTS ? 'failed' : 'pending'}::mail_status,
          next_attempt_at = ${new Date(now.getTime() + backoffMs(attempts))} where id = ${mail.id}`);
        result.failed++;
      }
      return true;
    });
    if (!done) break;
  }
  return result;
}
