import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The metrics an operator scrapes from GET /api/metrics. Labels are route templates, methods, status codes,
 * job names and outcomes: never a user, an email address, a name or an id.
 */
function build() {
  const registry = new Registry();
  return {
    registry,
    requestDuration: new Histogram({
      name: 'casusregie_http_request_duration_seconds',
      help: 'Duration of API requests by method, route template and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'casusregie_job_runs_total',
      help: 'Runs of the scheduled jobs (sweep, mail, retention) by outcome',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'casusregie_job_duration_seconds',
      help: 'Duration of the scheduled jobs',
      labelNames: ['job'] as const,
      buckets: [0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: 'casusregie_sign_in_failures_total',
      help: 'Failed sign-in attempts: rejected (wrong password or code), locked (account locked) or ip-throttled',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    poolConnections: new Gauge({
      name: 'casusregie_db_pool_connections',
      help: 'Connections of the PostgreSQL pool: total, idle, waiting (requests queued for one) and max; absent on the embedded database',
      labelNames: ['state'] as const,
      registers: [registry],
    }),
    outboxDepth: new Gauge({
      name: 'casusregie_mail_outbox_pending',
      help: 'Mails in the outbox waiting to be delivered (read at scrape time)',
      registers: [registry],
    }),
    mailDeliveries: new Counter({
      name: 'casusregie_mail_deliveries_total',
      help: 'Outbox mails by outcome of a delivery attempt: sent, retry (refused, tried again later) or dead (refused too often: dead-lettered, shown as failed in Beheer → Mailbox)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    outboxFailed: new Gauge({
      name: 'casusregie_mail_outbox_failed',
      help: 'Mails given up on after every retry (dead letter), read at scrape time: alert when it grows',
      registers: [registry],
    }),
    signInLocks: new Counter({
      name: 'casusregie_sign_in_locks_total',
      help: 'Accounts locked after too many failed sign-in attempts',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof build>;
const holder = globalThis as { __casusregieMetrics?: Metrics };

/** The process's metrics (one set across hot reloads, so a counter is not registered twice). */
export function metrics(): Metrics {
  holder.__casusregieMetrics ??= build();
  return holder.__casusregieMetrics;
}

export type JobName = 'sweep' | 'mail' | 'retention' | 'fold';

/** Counts a scheduled job's run and its duration. */
export function recordJob(job: JobName, outcome: 'ok' | 'failed' | 'skipped', seconds: number): void {
  const m = metrics();
  m.jobRuns.inc({ job, outcome });
  if (outcome !== 'skipped') m.jobDuration.observe({ job }, seconds);
}
