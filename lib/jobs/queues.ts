import type { Queue } from 'pg-boss';

/** The queues of the scheduled work on PostgreSQL (pg-boss). Names are part of the operations contract. */
export const QUEUE = {
  sweep: 'sweep',
  /** Each minute: the dashboard rollups' changes summed into them (lib/dashboard/fold-rollups.ts). */
  dashboardFold: 'dashboard-fold',
  retention: 'retention',
  /** Each minute: queues one `mail-send` job per due outbox mail. */
  mailDispatch: 'mail-dispatch',
  /** One job per outbox mail (singleton key: the outbox id), retried with backoff. */
  mailSend: 'mail-send',
  /** Where a mail lands that kept failing: the outbox row is marked failed (Beheer → Mailbox). */
  mailDead: 'mail-dead',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

export type QueueSettings = Omit<Queue, 'name'>;

/**
 * Policies and retries. `stately` (one queued, one running across all instances) keeps a slow sweep from
 * piling up runs; a failed run is retried with backoff within a minute (the database being away is the
 * common cause, issue 16 §2). `exclusive` on mail-send with the outbox id as key: at most one job per mail
 * waits or runs, whoever queues it. Ten attempts over four to five hours (backoff from a minute, at most an
 * hour apart) before a mail is dead-lettered: an SMTP relay down for a morning loses nothing.
 */
export const QUEUE_SETTINGS: Record<QueueName, QueueSettings> = {
  [QUEUE.sweep]: { policy: 'stately', retryLimit: 3, retryDelay: 20, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 30 * 60, deleteAfterSeconds: 7 * 86400 },
  [QUEUE.dashboardFold]: { policy: 'stately', retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 5 * 60, deleteAfterSeconds: 86400 },
  [QUEUE.retention]: { policy: 'stately', retryLimit: 3, retryDelay: 20, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 2 * 3600, deleteAfterSeconds: 30 * 86400 },
  [QUEUE.mailDispatch]: { policy: 'stately', retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 5 * 60, deleteAfterSeconds: 86400 },
  [QUEUE.mailSend]: {
    policy: 'exclusive',
    retryLimit: 9,
    retryDelay: 60,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 5 * 60,
    deleteAfterSeconds: 7 * 86400,
    deadLetter: QUEUE.mailDead,
  },
  // Kept for a month for the operator (pg-boss's tools can redrive them); nothing works this queue.
  [QUEUE.mailDead]: { policy: 'standard', retentionSeconds: 30 * 86400, deleteAfterSeconds: 30 * 86400 },
};

/**
 * Cron schedules in Dutch time: the sweep each quarter hour, mail and the dashboard's fold each minute,
 * retention at night (JOBS_CRON_SWEEP, JOBS_CRON_MAIL and JOBS_CRON_RETENTION change them). The fold keeps
 * the changes the dashboard's readers add up to a minute's writes, however busy the house.
 */
export function schedules(overrides: { sweep?: string; mail?: string; retention?: string } = {}): { queue: QueueName; cron: string }[] {
  return [
    { queue: QUEUE.sweep, cron: overrides.sweep ?? '*/15 * * * *' },
    { queue: QUEUE.mailDispatch, cron: overrides.mail ?? '* * * * *' },
    { queue: QUEUE.dashboardFold, cron: '* * * * *' },
    { queue: QUEUE.retention, cron: overrides.retention ?? '30 3 * * *' },
  ];
}
export const SCHEDULE_TZ = 'Europe/Amsterdam';
