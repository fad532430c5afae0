import { getDb, getJobDb } from '@/db/client';
import { databaseFault } from '@/db/faults';
import { describeError, errorFields } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import { recordJob } from '@/lib/metrics/registry';
import { foldDashboardRollups } from '@/lib/dashboard/fold-rollups';
import { deliverDueMail } from '@/lib/notify/deliver';
import { mailTransport } from '@/lib/notify/mail-config';
import { RETENTION_EVERY_MS, scheduledRetentionRun } from '@/lib/retention/scheduled-run';
import { runSweep } from '@/lib/stagnation/sweep';
import { repeat } from './repeat';

const SWEEP_EVERY_MS = 15 * 60 * 1000;
const MAIL_EVERY_MS = 30 * 1000;
const FOLD_EVERY_MS = 60 * 1000;
/** A run the database was away for is tried again this soon (within a minute of its return). */
export const RETRY_AFTER_FAULT_MS = 30 * 1000;

type Timers = { started?: boolean };
const timers = ((globalThis as { __casusregieTimers?: Timers }).__casusregieTimers ??= {});

/**
 * One sweep as the schedule runs it. False when the database was away (then it is tried again soon);
 * any other failure waits for the next period, so a bug does not fill the log every half minute.
 */
export async function scheduledSweep(now?: Date): Promise<boolean> {
  const started = performance.now();
  try {
    const result = await runSweep(await getJobDb(), { now });
    recordJob('sweep', result.skipped ? 'skipped' : 'ok', (performance.now() - started) / 1000);
    if (!result.skipped) {
      const { detected, opened, resolved, escalated, ms } = result;
      log.info({ job: 'sweep', detected, opened, resolved, escalated, ms }, `[sweep] ${detected} signalen, ${opened} nieuw, ${resolved} opgelost, ${escalated} opgeschaald in ${ms} ms`);
    }
    return true;
  } catch (error) {
    recordJob('sweep', 'failed', (performance.now() - started) / 1000);
    log.error({ job: 'sweep', ...errorFields(error) }, `[sweep] ${describeError(error)}`);
    return !databaseFault(error);
  }
}

/** The dashboard rollups' changes folded in; like the sweep, false when the database was away. */
async function scheduledFold(): Promise<boolean> {
  const started = performance.now();
  try {
    await foldDashboardRollups(await getJobDb());
    recordJob('fold', 'ok', (performance.now() - started) / 1000);
    return true;
  } catch (error) {
    recordJob('fold', 'failed', (performance.now() - started) / 1000);
    log.error({ job: 'fold', ...errorFields(error) }, `[fold] ${describeError(error)}`);
    return !databaseFault(error);
  }
}

/**
 * Scheduled work on the embedded database only (PostgreSQL runs it on pg-boss: lib/jobs/engine.ts): the
 * sweep every 15 minutes, mail delivery every 30 seconds (retries and giving up per mail in the outbox
 * itself, lib/notify/deliver.ts), the dashboard's fold every minute and the retention job daily. Errors are logged without data; a run that
 * failed because the database was away runs again 30 seconds later.
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
  const mail = async () => {
    const { transport, from } = mailTransport();
    if (!transport) return true;
    const started = performance.now();
    try {
      const { sent, failed } = await deliverDueMail(await getDb(), transport, from);
      recordJob('mail', 'ok', (performance.now() - started) / 1000);
      if (sent > 0 || failed > 0) log.info({ job: 'mail', sent, failed }, `[mail] ${sent} verstuurd, ${failed} mislukt`);
    } catch (error) {
      recordJob('mail', 'failed', (performance.now() - started) / 1000);
      log.error({ job: 'mail', ...errorFields(error) }, `[mail] ${describeError(error)}`);
    }
    return true;
  };
  repeat(() => scheduledSweep(), { firstMs: 10_000, everyMs: SWEEP_EVERY_MS, retryMs: RETRY_AFTER_FAULT_MS });
  repeat(mail, { firstMs: MAIL_EVERY_MS, everyMs: MAIL_EVERY_MS, retryMs: MAIL_EVERY_MS });
  repeat(scheduledFold, { firstMs: FOLD_EVERY_MS, everyMs: FOLD_EVERY_MS, retryMs: RETRY_AFTER_FAULT_MS });
  // Retention (bewaartermijn): daily, first a minute after start; one instance at a time (advisory lock).
  repeat(scheduledRetentionRun, { firstMs: 60_000, everyMs: RETENTION_EVERY_MS, retryMs: RETRY_AFTER_FAULT_MS });
}
