import { mailOutbox } from '@/db/schema';
import type { Executor } from '@/db/types';

export interface OutgoingMail {
  /** Same key, same mail: enqueueing it twice stores it once. */
  dedupeKey: string;
  to: string;
  subject: string;
  /** No personal data of a subject: a case number and a link at most. */
  text: string;
  notBefore?: Date;
  /** The case the mail is about: the retention job removes the mail with the case's personal data. */
  caseId?: string;
}

/** Writes mail to the outbox in the caller's transaction; the worker delivers it after commit. */
export async function enqueueMail(db: Executor, mails: OutgoingMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const inserted = await db
    .insert(mailOutbox)
    .values(
      mails.map((m) => ({
        dedupeKey: m.dedupeKey,
        toEmail: m.to,
        subject: m.subject,
        bodyText: m.text,
        nextAttemptAt: m.notBefore ?? new Date(),
        caseId: m.caseId,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id });
  return inserted.length;
}
