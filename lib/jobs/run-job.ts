import { sql } from 'drizzle-orm';
import { databaseFault } from '@/db/faults';
import type { Db } from '@/db/types';
import { describeError, errorFields } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import { recordJob, type JobName } from '@/lib/metrics/registry';

/**
 * How long a failed job waits for the database to come back before it gives the failure to the engine:
 * less than the shortest expiry of a job (5 minutes, lib/jobs/queues.ts), after which pg-boss would give
 * up on the handler itself. A longer outage leaves the retry to pg-boss's supervisor once the database is back.
 */
export const DATABASE_WAIT_MS = 4 * 60_000;
const PROBE_EVERY_MS = 2_000;

/**
 * Runs a job body with its metric and log line (counts only, errors by kind: no personal data), and
 * throws its failure on so the engine retries it. A failure because the database was away first waits
 * until the database answers again: pg-boss records the failure, and so the retry, in the database — a
 * failure it could not record would leave the job "active" until it expires, not retried within a minute.
 */
export async function runJob<T>(job: JobName, db: () => Promise<Db>, body: () => Promise<{ value: T; skipped?: boolean }>, options: { waitMs?: number } = {}): Promise<T> {
  const started = performance.now();
  try {
    const { value, skipped } = await body();
    recordJob(job, skipped ? 'skipped' : 'ok', (performance.now() - started) / 1000);
    return value;
  } catch (error) {
    recordJob(job, 'failed', (performance.now() - started) / 1000);
    log.error({ job, ...errorFields(error) }, `[${job}] ${describeError(error)}`);
    if (databaseFault(error)) await databaseAnswers(db, options.waitMs ?? DATABASE_WAIT_MS);
    throw error;
  }
}

/** Waits (bounded) until a trivial query succeeds. */
export async function databaseAnswers(db: () => Promise<Db>, waitMs: number): Promise<boolean> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      await (await db()).execute(sql`select 1`);
      return true;
    } catch {
      if (Date.now() + PROBE_EVERY_MS > until) return false;
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  }
}
