import { PgBoss, type Clock, type JobInsert, type JobWithMetadata } from 'pg-boss';
import { log } from '@/lib/log';
import { throttledErrorLog } from './error-log';
import { dueMailJob, foldJob, retentionJob, sendMailJob, sweepJob, type JobContext } from './handlers';
import { QUEUE, QUEUE_SETTINGS, SCHEDULE_TZ, schedules, type QueueName, type QueueSettings } from './queues';

/** pg-boss keeps its tables in a schema of its own, beside the app's (created by pg-boss on first start). */
export const JOB_SCHEMA = 'pgboss';

export interface JobEngineOptions {
  connectionString: string;
  context: JobContext;
  /** Keep the cron schedules (default true). Any number of instances may: pg-boss sends one job per slot. */
  schedule?: boolean;
  /** Other cron expressions than the defaults (lib/jobs/queues.ts). */
  cron?: { sweep?: string; mail?: string; retention?: string };
  /** Work the queues in this process (default true). */
  work?: boolean;
  /** Connections of pg-boss's own pool. */
  max?: number;
  /** Tests: shorter retries, a faster poll, one dispatch round. */
  settings?: Partial<Record<QueueName, Partial<QueueSettings>>>;
  pollingIntervalSeconds?: number;
  /** Mail is looked for this many times per minute's job, this far apart (default twice, 30 s apart). */
  mailRounds?: number;
  mailEveryMs?: number;
  instanceName?: string;
  /** Tests: pg-boss's TestClock, which the database's job clock follows too (cron without waiting minutes). */
  clock?: Clock;
}

export interface JobEngine {
  boss: PgBoss;
  /** Queues a job now (the cron's work, at once): for operators and tests. */
  runNow(queue: QueueName): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * The scheduled work on PostgreSQL, on pg-boss: cron schedules in Dutch time, retries with backoff, one
 * runner per job across every instance and worker (a `stately` queue runs one job at a time; workers claim
 * with SKIP LOCKED), and a dead letter for mail that keeps failing. Nothing here holds session state
 * between statements (pg-boss's locks are transaction-scoped, LISTEN/NOTIFY is off), so it works through
 * PgBouncer in transaction pooling.
 */
export async function startJobEngine(options: JobEngineOptions): Promise<JobEngine> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOB_SCHEMA,
    max: options.max ?? 4,
    application_name: 'casusregie-jobs',
    schedule: options.schedule ?? true,
    instanceName: options.instanceName,
    clock: options.clock,
  });
  boss.on('error', throttledErrorLog());
  boss.on('warning', (warning) => log.warn({ job: 'engine' }, `[jobs] ${warning.message}`));
  await boss.start();
  try {
    const settings = (queue: QueueName) => ({ ...QUEUE_SETTINGS[queue], ...options.settings?.[queue] });
    // Dead letter first: a queue names it, so it must exist.
    for (const queue of [QUEUE.mailDead, QUEUE.sweep, QUEUE.dashboardFold, QUEUE.retention, QUEUE.mailDispatch, QUEUE.mailSend]) {
      const { policy, ...changeable } = settings(queue);
      await boss.createQueue(queue, { policy, ...changeable });
      // An existing queue keeps its policy; retries and the dead letter follow this version's settings.
      await boss.updateQueue(queue, changeable);
    }
    if (options.schedule ?? true) {
      for (const { queue, cron } of schedules(options.cron)) await boss.schedule(queue, cron, null, { tz: SCHEDULE_TZ, missed: 'once' });
    }
    if (options.work ?? true) await work(boss, options);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }
  return {
    boss,
    runNow: (queue) => boss.send(queue, null),
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}

async function work(boss: PgBoss, options: JobEngineOptions): Promise<void> {
  const ctx = options.context;
  const poll = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work(QUEUE.sweep, poll, async () => {
    await sweepJob(ctx);
  });
  await boss.work(QUEUE.dashboardFold, poll, async () => {
    await foldJob(ctx);
  });
  await boss.work(QUEUE.retention, poll, async () => {
    await retentionJob(ctx);
  });
  // Cron's finest grain is a minute; a second look half a minute later keeps mail as prompt as before.
  const rounds = options.mailRounds ?? 2;
  const everyMs = options.mailEveryMs ?? 30_000;
  await boss.work(QUEUE.mailDispatch, poll, async ([job]) => {
    // Without SMTP mail stays in the outbox (Beheer → Mailbox): nothing to look for.
    if (!ctx.mail().transport) return;
    for (let round = 0; round < rounds && !job?.signal.aborted; round++) {
      if (round > 0) await pause(everyMs, job?.signal);
      if (job?.signal.aborted) break;
      const ids = await dueMailJob(ctx);
      // One job per mail; the queue's policy drops a second one while the first waits or runs.
      const jobs: JobInsert[] = ids.map((id) => ({ data: { outboxId: id }, singletonKey: id }));
      if (jobs.length > 0) await boss.insert(QUEUE.mailSend, jobs);
    }
  });
  await boss.work(QUEUE.mailSend, { ...poll, includeMetadata: true, localConcurrency: 2 } as const, async ([job]: JobWithMetadata<{ outboxId: string }>[]) => {
    if (job) await sendMailJob(ctx, job.data.outboxId, job);
  });
}

/** Waits, or less when the engine stops (a stopping worker gives up its wait, not a mail in flight). */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

