import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { DbFaultKind } from './faults';
import type { Notifications } from './listen';
import type * as schema from './schema';

export type Schema = typeof schema;
/** Both drivers (PGlite and node-postgres) give this one type, so lib/ never knows which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or a transaction: what a function that only reads or writes needs. */
export type Executor = Db | Tx;

/** What the readiness check learns: answered (in how long), or which kind of fault kept it from answering. */
export type DbProbe = { ok: true; ms: number } | { ok: false; kind: DbFaultKind | 'error'; code?: string };

export interface PoolStats {
  size: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** A trivial query on a connection of its own, so a pool full of waiting requests does not fail it. */
  probe(timeoutMs: number): Promise<DbProbe>;
  pool?(): PoolStats;
  /** LISTEN/NOTIFY: in-process on PGlite, on a dedicated session connection on a server (db/listen.ts). */
  notifications?(): Notifications;
  close(): Promise<void>;
}
