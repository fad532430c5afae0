import { getDb, getJobDb } from '@/db/client';
import { databaseFault } from '@/db/faults';
import { describeError, errorFields } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import { recordJob, type JobName } from '@/lib/metrics/registry';
import { foldDashboardRollups } from '@/lib/dashboard/fold-rollups';
import { deliverDueMail } from '@/lib/notify/deliver';
import { mailTransport } from '@/lib/notify/mail-config';
import { RETENTION_EVERY_MS, scheduledRetentionRun } from '@/lib/retention/scheduled-run';
import { runSweep } from '@/lib/stagnation/sweep';
import { logSweep } from './handlers';
import { repeat } from './repeat';

const SWEEP_EVERY_MS = 15 * 60 * 1000;
const MAIL_EVERY_MS = 30 * 1000;
const FOLD_EVERY_MS = 60 * 1000;
/** A run the database was away for is tried again this soon (within a minute of its return). */
export const RETRY_AFTER_FAULT_MS = 30 * 1000;

type Timers = { started?: boolean };
const timers = ((globalThis as { __casusregieTimers?: Timers }).__casusregieTimers ??= {});

/**
 * One scheduled run with its metric and its error log (no data). False when the database was away (then
 * it is tried again soon); any other failure waits for the next period, so a bug does not fill the log
 * every half minute.
 */
async function scheduled(job: JobName, body: () => Promise<{ skipped?: boolean } | void>): Promise<boolean> {
  const started = performance.now();
  try {
    const result = await body();
    recordJob(job, result?.skipped ? 'skipped' : 'ok', (performance.now() - started) / 1000);
    return true;
  } catch (error) {
    recordJob(job, 'failed', (performance.now() - started) / 1000);
    log.error({ job, ...errorFields(error) }, `[${job}] ${describeError(error)}`);
    return !databaseFault(error);
  }
}

/** One sweep as the schedule runs it (false: the database was away). */
export function scheduledSweep(now?: Date): Promise<boolean> {
  return scheduled('sweep', async () => {
    const result = await runSweep(await getJobDb(), { now });
    if (!result.skipped) logSweep(result);
    return result;
  });
}

/** The dashboard rollups' changes folded in (lib/dashboard/fold-rollups.ts). */
const scheduledFold = () => scheduled('fold', async () => foldDashboardRollups(await getJobDb()));

/**
 * Scheduled work on the embedded database only (PostgreSQL runs it on pg-boss: lib/jobs/engine.ts): the
 * sweep every 15 minutes, mail delivery every 30 seconds (retries and giving up per mail in the outbox
 * itself, lib/notify/deliver.ts), the dashboard's fold every minute and the retention job daily. Errors
 * are logged without data; a run that failed because the database was away runs again 30 seconds later.
 *
 * Why not pg-boss here too: pg-boss 12 can run on PGlite, but what it adds is coordination between
 * processes, and an embedded data directory has exactly one (db/data-dir-lock.ts). Its price would be paid
 * on the one WASM connection that serves every request: each worker polls every 2 s and its supervisor
 * and cron monitor query besides, each statement waiting behind (and holding up) a request's transaction,
 * and its schema of some twenty tables and functions migrated on every start of a demo.
 */
export function startScheduler(): void {
  if (timers.started) return;
  timers.started = true;
  const mail = () => {
    const { transport, from } = mailTransport();
    if (!transport) return Promise.resolve(true);
    return scheduled('mail', async () => {
      const { sent, failed } = await deliverDueMail(await getDb(), transport, from);
      if (sent > 0 || failed > 0) log.info({ job: 'mail', sent, failed }, `[mail] ${sent} verstuurd, ${failed} mislukt`);
    });
  };
  repeat(() => scheduledSweep(), { firstMs: 10_000, everyMs: SWEEP_EVERY_MS, retryMs: RETRY_AFTER_FAULT_MS });
  repeat(mail, { firstMs: MAIL_EVERY_MS, everyMs: MAIL_EVERY_MS, retryMs: MAIL_EVERY_MS });
  repeat(scheduledFold, { firstMs: FOLD_EVERY_MS, everyMs: FOLD_EVERY_MS, retryMs: RETRY_AFTER_FAULT_MS });
  // Retention (bewaartermijn): daily, first a minute after start; one instance at a time (advisory lock).
  repeat(scheduledRetentionRun, { firstMs: 60_000, everyMs: RETENTION_EVERY_MS, retryMs: RETRY_AFTER_FAULT_MS });
}
