import type { PGlite } from '@electric-sql/pglite';
import { databaseFault } from './faults';
import type { DbProbe } from './types';

function failure(error: unknown): DbProbe {
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  return { ok: false, kind: databaseFault(error) ?? 'error', ...(typeof code === 'string' ? { code } : {}) };
}

/** Runs `query`, or answers a timeout after `timeoutMs` whatever the query does. */
async function timed(query: () => Promise<unknown>, timeoutMs: number): Promise<DbProbe> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DbProbe>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, kind: 'statement_timeout' }), timeoutMs);
  });
  try {
    return await Promise.race([query().then((): DbProbe => ({ ok: true, ms: Date.now() - started }), failure), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness on a connection of its own (one, kept open), not the app's pool: a table lock that holds every
 * pooled connection is a problem of some requests, not a reason to take every instance out of the load
 * balancer at once. Short bounds on both sides, so a frozen server answers "timeout" within the check.
 */
export function postgresProbe(connectionString: string) {
  let pool: Promise<import('pg').Pool> | undefined;
  const open = async () => {
    const { Pool } = await import('pg');
    const created = new Pool({
      connectionString,
      max: 1,
      connectionTimeoutMillis: 1_500,
      query_timeout: 1_500,
      options: '-c statement_timeout=1000 -c lock_timeout=1000',
    });
    created.on('error', () => undefined);
    created.on('connect', (client) => client.on('error', () => undefined));
    return created;
  };
  return {
    check: (timeoutMs: number) => timed(async () => (await (pool ??= open())).query('select 1'), timeoutMs),
    close: async () => {
      const opened = pool;
      pool = undefined;
      await (await opened)?.end();
    },
  };
}

/** The embedded database has one connection: the check waits its turn, bounded. */
export const pgliteProbe = (client: PGlite) => (timeoutMs: number) => timed(() => client.query('select 1'), timeoutMs);
