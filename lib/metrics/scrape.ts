import { count, eq } from 'drizzle-orm';
import { getDbHandle } from '@/db/client';
import { mailOutbox } from '@/db/schema';
import { describeError, errorFields } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import { metrics } from './registry';

/** The metrics in Prometheus text format, with the pool and the outbox read at this moment. */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  try {
    const handle = await getDbHandle();
    const pool = handle.pool?.();
    if (pool) {
      m.poolConnections.set({ state: 'total' }, pool.size);
      m.poolConnections.set({ state: 'idle' }, pool.idle);
      m.poolConnections.set({ state: 'waiting' }, pool.waiting);
      m.poolConnections.set({ state: 'max' }, pool.max);
    }
    const [row] = await handle.db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.status, 'pending'));
    m.outboxDepth.set(row?.n ?? 0);
    const [failed] = await handle.db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.status, 'failed'));
    m.outboxFailed.set(failed?.n ?? 0);
  } catch (error) {
    // The database being away must not hide the other metrics: the outbox gauge keeps its last value.
    log.warn(errorFields(error), `[metrics] outbox niet gelezen: ${describeError(error)}`);
  }
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
