import { getJobDb } from '@/db/client';
import { env } from '@/lib/env';
import { describeError, errorFields } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import { mailTransport } from '@/lib/notify/mail-config';
import { startScheduler } from '@/lib/jobs/embedded-scheduler';
import type { JobContext } from './handlers';
import type { JobEngine } from './engine';

/** Tried again this soon when the database is away at start. */
const START_RETRY_MS = 15_000;

/** Shared through globalThis: the server's shutdown (scripts/serve.ts) runs outside Next's module graph. */
export type JobsHolder = { started?: boolean; engine?: JobEngine; stop?: () => Promise<void> };
const holder = ((globalThis as { __casusregieJobs?: JobsHolder }).__casusregieJobs ??= {});

/** Whether this process runs the scheduled work: `SCHEDULER=off` leaves it to `npm run worker`. */
export function jobsEnabled(): boolean {
  return process.env.SCHEDULER !== 'off';
}

export const processJobContext = (): JobContext => ({ db: getJobDb, mail: mailTransport, now: () => new Date() });

/**
 * Starts this process's scheduled work (sweep, mail, retention). On PostgreSQL: pg-boss (lib/jobs/engine.ts),
 * safe in every web instance and worker at once; a database that is away at start is tried again every
 * 15 seconds. On the embedded database: the in-process schedule (lib/jobs/embedded-scheduler.ts, see there why).
 */
export function startJobs(options: { instanceName?: string } = {}): void {
  if (holder.started) return;
  holder.started = true;
  const config = env();
  if (!config.DATABASE_URL) {
    startScheduler();
    return;
  }
  const connectionString = config.DATABASE_URL;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const attempt = async () => {
    try {
      const { startJobEngine } = await import('./engine');
      const cron = { sweep: config.JOBS_CRON_SWEEP, mail: config.JOBS_CRON_MAIL, retention: config.JOBS_CRON_RETENTION };
      const engine = await startJobEngine({ connectionString, context: processJobContext(), instanceName: options.instanceName, cron });
      if (stopped) await engine.stop();
      else {
        holder.engine = engine;
        log.info({ job: 'engine', instance: options.instanceName }, '[jobs] pg-boss gestart');
      }
    } catch (error) {
      log.error({ job: 'engine', ...errorFields(error) }, `[jobs] pg-boss niet gestart (${describeError(error)}); over ${START_RETRY_MS / 1000} s opnieuw`);
      if (!stopped) retry = setTimeout(attempt, START_RETRY_MS).unref();
    }
  };
  holder.stop = async () => {
    stopped = true;
    clearTimeout(retry);
    await holder.engine?.stop();
    holder.engine = undefined;
  };
  void attempt();
}

/** Finishes running jobs (bounded) and stops polling; before the database is closed. */
export async function stopJobs(): Promise<void> {
  await holder.stop?.();
}
