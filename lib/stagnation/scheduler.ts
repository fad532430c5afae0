import { getDb } from '@/db/client';
import { describeError } from '@/lib/http/log-safe';
import { deliverDueMail } from '@/lib/notify/deliver';
import { mailTransport } from '@/lib/notify/mail-config';
import { RETENTION_EVERY_MS, scheduledRetentionRun } from '@/lib/retention/scheduled-run';
import { runSweep } from './sweep';

const SWEEP_EVERY_MS = 15 * 60 * 1000;
const MAIL_EVERY_MS = 30 * 1000;

type Timers = { started?: boolean };
const timers = ((globalThis as { __casusregieTimers?: Timers }).__casusregieTimers ??= {});

/**
 * Scheduled work inside the server: the sweep every 15 minutes (one instance at a time: advisory lock),
 * mail delivery every 30 seconds and the retention job daily. Errors are logged without data and
 * retried on the next tick.
 */
export function startScheduler(): void {
  if (timers.started) return;
  timers.started = true;
  const sweep = async () => {
    try {
      const result = await runSweep(await getDb());
      if (!result.skipped) console.warn(`[sweep] ${result.detected} signalen, ${result.opened} nieuw, ${result.resolved} opgelost, ${result.escalated} opgeschaald in ${result.ms} ms`);
    } catch (error) {
      console.error(`[sweep] ${describeError(error)}`);
    }
  };
  const mail = async () => {
    const { transport, from } = mailTransport();
    if (!transport) return;
    try {
      await deliverDueMail(await getDb(), transport, from);
    } catch (error) {
      console.error(`[mail] ${describeError(error)}`);
    }
  };
  setTimeout(sweep, 10_000).unref();
  setInterval(sweep, SWEEP_EVERY_MS).unref();
  setInterval(mail, MAIL_EVERY_MS).unref();
  // Retention (bewaartermijn): daily, first a minute after start; one instance at a time (advisory lock).
  setTimeout(scheduledRetentionRun, 60_000).unref();
  setInterval(scheduledRetentionRun, RETENTION_EVERY_MS).unref();
}
