import type { Transporter } from 'nodemailer';
import type { Db } from '@/db/types';
import { log } from '@/lib/log';
import { metrics } from '@/lib/metrics/registry';
import { deliverOutboxMail, dueOutboxIds, MailRefusedError } from '@/lib/notify/deliver';
import { runRetention } from '@/lib/retention/run-retention';
import { foldDashboardRollups } from '@/lib/dashboard/fold-rollups';
import { runSweep } from '@/lib/stagnation/sweep';
import { runJob } from './run-job';

/** What the job bodies need: the jobs' database, the mail transport, and a clock (fixed in tests). */
export interface JobContext {
  db(): Promise<Db>;
  mail(): { transport: Transporter | null; from: string };
  now(): Date;
  /** How long a job that failed on a database fault waits for it to answer (tests: short). */
  databaseWaitMs?: number;
}

/** A sweep's counts in the log (the same line on pg-boss and on the embedded schedule). */
export function logSweep({ detected, opened, resolved, escalated, ms }: { detected: number; opened: number; resolved: number; escalated: number; ms: number }): void {
  log.info({ job: 'sweep', detected, opened, resolved, escalated, ms }, `[sweep] ${detected} signalen, ${opened} nieuw, ${resolved} opgelost, ${escalated} opgeschaald in ${ms} ms`);
}

/** One stagnation sweep; another instance sweeping right now makes this one skip (advisory lock). */
export function sweepJob(ctx: JobContext) {
  return runJob('sweep', ctx.db, async () => {
    const result = await runSweep(await ctx.db(), { now: ctx.now() });
    if (!result.skipped) logSweep(result);
    return { value: result, skipped: result.skipped };
  }, { waitMs: ctx.databaseWaitMs });
}

/** The dashboard rollups' changes folded in (lib/dashboard/fold-rollups.ts): quick, and a no-op when there are none. */
export function foldJob(ctx: JobContext) {
  return runJob('fold', ctx.db, async () => ({ value: await foldDashboardRollups(await ctx.db()) }), { waitMs: ctx.databaseWaitMs });
}

/** The retention job (bewaartermijn); one instance at a time (advisory lock), counts only in the log. */
export function retentionJob(ctx: JobContext) {
  return runJob('retention', ctx.db, async () => {
    const result = await runRetention(await ctx.db(), { now: ctx.now() });
    if (!result.skipped && (result.cases.length > 0 || result.auditEntriesPurged > 0)) {
      log.info({ job: 'retention', cases: result.cases.length, auditEntriesPurged: result.auditEntriesPurged, ms: result.ms }, `[retention] persoonsgegevens van ${result.cases.length} casus(sen) verwijderd, ${result.auditEntriesPurged} auditregels opgeschoond in ${result.ms} ms`);
    }
    return { value: result, skipped: result.skipped };
  }, { waitMs: ctx.databaseWaitMs });
}

/**
 * The outbox mails due now, for which a delivery job is queued; none without SMTP (then mail stays in the
 * outbox, read in Beheer → Mailbox).
 */
export async function dueMailJob(ctx: JobContext): Promise<string[]> {
  if (!ctx.mail().transport) return [];
  return runJob('mail', ctx.db, async () => ({ value: await dueOutboxIds(await ctx.db(), ctx.now()) }), { waitMs: ctx.databaseWaitMs });
}

/**
 * Delivers one outbox mail. A refusal is thrown so the engine retries it with backoff; the last attempt
 * marks the mail failed (the admin sees it in Beheer → Mailbox, the operator in
 * casusregie_mail_deliveries_total{outcome="dead"}) before the engine moves the job to the dead letter.
 */
export async function sendMailJob(ctx: JobContext, outboxId: string, attempt: { retryCount: number; retryLimit: number }): Promise<'sent' | 'gone'> {
  const { transport, from } = ctx.mail();
  if (!transport) return 'gone';
  const lastAttempt = attempt.retryCount >= attempt.retryLimit;
  const deliveries = metrics().mailDeliveries;
  try {
    const outcome = await runJob('mail', ctx.db, async () => ({ value: await deliverOutboxMail(await ctx.db(), transport, from, outboxId, { now: ctx.now(), lastAttempt }) }), {
      waitMs: ctx.databaseWaitMs,
    });
    if (outcome === 'sent') deliveries.inc({ outcome: 'sent' });
    return outcome;
  } catch (error) {
    if (error instanceof MailRefusedError) {
      deliveries.inc({ outcome: lastAttempt ? 'dead' : 'retry' });
      if (lastAttempt) log.warn({ job: 'mail', outboxId, errorCode: error.code }, `[mail] na ${attempt.retryCount + 1} pogingen opgegeven (${error.code}); zie Beheer → Mailbox`);
    }
    throw error;
  }
}
