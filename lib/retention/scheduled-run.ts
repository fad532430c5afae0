import { getJobDb } from '@/db/client';
import { databaseFault } from '@/db/faults';
import { describeError, errorFields } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import { recordJob } from '@/lib/metrics/registry';
import { runRetention } from './run-retention';

/** Daily: terms are counted in years, a day late is no matter, and a missed run catches up at the next one. */
export const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * The retention job as the in-server schedule runs it: counts in the log (no case data), errors by kind
 * only. False when the database was away (the schedule tries again soon); another failure waits for the
 * next day. Another instance holding the lock makes this one skip.
 */
export async function scheduledRetentionRun(): Promise<boolean> {
  const started = performance.now();
  try {
    const result = await runRetention(await getJobDb());
    recordJob('retention', result.skipped ? 'skipped' : 'ok', (performance.now() - started) / 1000);
    if (!result.skipped && (result.cases.length > 0 || result.auditEntriesPurged > 0)) {
      log.info({ job: 'retention', cases: result.cases.length, auditEntriesPurged: result.auditEntriesPurged, ms: result.ms }, `[retention] persoonsgegevens van ${result.cases.length} casus(sen) verwijderd, ${result.auditEntriesPurged} auditregels opgeschoond in ${result.ms} ms`);
    }
    return true;
  } catch (error) {
    recordJob('retention', 'failed', (performance.now() - started) / 1000);
    log.error({ job: 'retention', ...errorFields(error) }, `[retention] ${describeError(error)}`);
    return !databaseFault(error);
  }
}
