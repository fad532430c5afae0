import { getDbHandle } from '@/db/client';
import type { DbProbe, PoolStats } from '@/db/types';

export interface Readiness {
  database: DbProbe;
  /** The app's own pool, for whoever reads the answer: waiting requests are no reason to be taken out. */
  pool?: PoolStats;
}

/**
 * Whether this instance can serve: the database answers a trivial query within `timeoutMs` on a
 * connection of its own (db/probe.ts). A full pool is reported, not failed on: a table lock that holds
 * every request would otherwise take every instance out of the load balancer at once.
 */
export async function checkReadiness(timeoutMs = 2000): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const opening = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ database: { ok: false, kind: 'db_unavailable' } }), timeoutMs);
  });
  const probe = (async (): Promise<Readiness> => {
    const handle = await getDbHandle();
    return { database: await handle.probe(timeoutMs), pool: handle.pool?.() };
  })().catch((): Readiness => ({ database: { ok: false, kind: 'db_unavailable' } }));
  try {
    return await Promise.race([probe, opening]);
  } finally {
    clearTimeout(timer);
  }
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function databaseReachable(timeoutMs = 2000): Promise<boolean> {
  return (await checkReadiness(timeoutMs)).database.ok;
}
