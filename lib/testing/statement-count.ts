import type { Logger } from 'drizzle-orm/logger';
import { installDb } from '@/db/client';
import * as schema from '@/db/schema';
import type { Db, DbHandle } from '@/db/types';

/** What the app sent to the database while it was being counted. */
export interface StatementCount {
  /** Statements other than begin/commit/rollback (which only node-postgres sends through Drizzle). */
  statements: string[];
  transactions: number;
}

/**
 * Installs `inner` as the app's database again, with every statement and transaction it runs written
 * down, and hands back `count(work)`: what `work` sent. The same figures on PGlite and PostgreSQL.
 */
export async function countingDatabase(inner: DbHandle): Promise<<T>(work: () => Promise<T>) => Promise<StatementCount & { value: T }>> {
  let current: StatementCount | null = null;
  const logger: Logger = {
    logQuery: (query) => {
      if (current && !/^\s*(begin|commit|rollback)\b/i.test(query)) current.statements.push(query);
    },
  };
  const client = (inner.db as unknown as { $client: unknown }).$client;
  const { drizzle } =
    inner.kind === 'pglite' ? await import('drizzle-orm/pglite') : await import('drizzle-orm/node-postgres');
  const db = (drizzle as (config: unknown) => unknown)({ client, schema, logger }) as Db;
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => {
    if (current) current.transactions += 1;
    return transaction(fn, config);
  }) as Db['transaction'];
  installDb({ ...inner, db });
  return async (work) => {
    current = { statements: [], transactions: 0 };
    try {
      const value = await work();
      return { ...current, value };
    } finally {
      current = null;
    }
  };
}
