import { sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { queryRows } from '@/db/query';
import type { Db, Executor } from '@/db/types';
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
  for (let i = 0; i < batch; i++) {
    const done = await db.transaction(async (tx) => {
      const [mail] = await queryRows<OutboxMail>(
        tx,
        sql`select id, dedupe_key, to_email, subject, body_text, attempts from mail_outbox
            where status = 'pending' and next_attempt_at <= ${now} order by next_attempt_at limit 1 for update skip locked`,
      );
      if (!mail) return false;
      const error = await sendLocked(tx, mail, transport, from, now);
      if (error === undefined) {
        result.sent++;
      } else {
        const attempts = mail.attempts + 1;
        await tx.execute(sql`update mail_outbox set attempts = ${attempts}, last_error = ${error},
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

interface OutboxMail {
  id: string;
  dedupe_key: string;
  to_email: string;
  subject: string;
  body_text: string;
  attempts: number;
}

/** Sends a mail whose row `tx` holds locked and marks it sent; a refusal answers its code (nothing written). */
async function sendLocked(tx: Executor, mail: OutboxMail, transport: Transporter, from: string, now: Date): Promise<string | undefined> {
  try {
    const { subject, text } = asDeliveredAt({ dedupeKey: mail.dedupe_key, subject: mail.subject, text: mail.body_text }, now);
    await transport.sendMail({
      from: { name: 'Casusregie', address: from },
      to: mail.to_email,
      subject,
      text,
      messageId: `<${mail.id}@${messageIdDomain(from)}>`,
      date: now,
    });
  } catch (error) {
    return (error as { code?: string }).code ?? String((error as { responseCode?: number }).responseCode ?? 'error');
  }
  await tx.execute(sql`update mail_outbox set status = 'sent', sent_at = ${now}, attempts = attempts + 1, last_error = null where id = ${mail.id}`);
  return undefined;
}

/** A mail the transport refused; the job engine tries it again later, or dead-letters it. */
export class MailRefusedError extends Error {
  constructor(readonly code: string) {
    super(`mail refused: ${code}`);
    this.name = 'MailRefusedError';
  }
}

/**
 * Delivers one outbox mail (the job engine's unit of work). The row is locked while it is sent (SKIP LOCKED)
 * and marked sent in the same transaction, so a mail is sent once however many workers hold a job for it;
 * 'gone' when it was sent already, given up on, or is being sent by another worker right now. A refusal is
 * recorded (attempts, the code for the admin's mailbox) and thrown as MailRefusedError; on the `lastAttempt`
 * the row is marked failed first, so nothing queues it again once the engine dead-letters the job.
 */
export async function deliverOutboxMail(
  db: Db,
  transport: Transporter,
  from: string,
  id: string,
  options: { now?: Date; lastAttempt?: boolean } = {},
): Promise<'sent' | 'gone'> {
  const now = options.now ?? new Date();
  const refused = await db.transaction(async (tx) => {
    const [mail] = await queryRows<OutboxMail>(
      tx,
      sql`select id, dedupe_key, to_email, subject, body_text, attempts from mail_outbox
          where id = ${id} and status = 'pending' for update skip locked`,
    );
    if (!mail) return 'gone' as const;
    const error = await sendLocked(tx, mail, transport, from, now);
    if (error === undefined) return 'sent' as const;
    await tx.execute(sql`update mail_outbox set attempts = attempts + 1, last_error = ${error},
      status = ${options.lastAttempt ? 'failed' : 'pending'}::mail_status where id = ${mail.id}`);
    return { error };
  });
  if (typeof refused === 'object') throw new MailRefusedError(refused.error);
  return refused;
}

/** The outbox mails due now, oldest first: what the job engine queues a delivery job for. */
export async function dueOutboxIds(db: Db, now = new Date(), limit = 200): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from mail_outbox where status = 'pending' and next_attempt_at <= ${now} order by next_attempt_at limit ${limit}`,
  );
  return rows.map((r) => r.id);
}
