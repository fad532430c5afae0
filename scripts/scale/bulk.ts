import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import type { DbHandle } from '@/db/types';

/**
 * One connection for the generator, with COPY: the fastest way into PostgreSQL. On a server it streams
 * through pg-copy-streams; embedded PGlite reads the same text from a blob ('/dev/blob'), so both
 * drivers load the same COPY text.
 */
export interface BulkSession {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** Loads rows in COPY text format (see ./copy-text.ts) into `table (columns)`. */
  copyIn(table: string, columns: readonly string[], body: string): Promise<void>;
  release(): Promise<void>;
}

export async function openBulkSession(handle: DbHandle): Promise<BulkSession> {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === 'pglite') return pgliteSession(client as PGlite);
  return pgSession(await (client as Pool).connect());
}

function copySql(table: string, columns: readonly string[], source: string) {
  return `copy ${table} (${columns.join(', ')}) from ${source}`;
}

function pgliteSession(db: PGlite): BulkSession {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await db.query<T>(text, params)).rows;
    },
    async copyIn(table, columns, body) {
      if (!body) return;
      await db.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([body]) });
    },
    async release() {},
  };
}

function pgSession(client: PoolClient): BulkSession {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as T[];
    },
    async copyIn(table, columns, body) {
      if (!body) return;
      const { from } = await import('pg-copy-streams');
      await pipeline(Readable.from([body]), client.query(from(copySql(table, columns, 'stdin'))));
    },
    async release() {
      client.release();
    },
  };
}
