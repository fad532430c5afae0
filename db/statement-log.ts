import { appendFileSync } from 'node:fs';

/*
 * Every statement the app sends to its database, as the driver sends it (one entry per round trip: a BEGIN
 * that carries settings is one), for tests that count them and the bench that replays them. Both drivers
 * report here: the pg pool's client (db/pool.ts) and the PGlite client (db/open.ts).
 */

export type StatementListener = (text: string, params: unknown[]) => void;

const listeners = ((globalThis as { __casusregieStatementListeners?: Set<StatementListener> }).__casusregieStatementListeners ??= new Set());

/** Listens until the returned function is called. */
export function onStatement(listener: StatementListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function noteStatement(text: string, params: unknown[] = []): void {
  for (const listener of listeners) listener(text, params);
}

interface PgliteLike {
  query: (...args: never[]) => Promise<unknown>;
  exec: (...args: never[]) => Promise<unknown>;
  transaction: (fn: (tx: never) => Promise<unknown>) => Promise<unknown>;
}

/** Reports what a PGlite client runs, its transactions' BEGIN and COMMIT (or ROLLBACK) included. */
export function logPgliteStatements<C>(client: C): C {
  const target = client as unknown as PgliteLike;
  const wrap = (object: { query: PgliteLike['query']; exec: PgliteLike['exec'] }) => {
    const query = object.query.bind(object) as (...a: unknown[]) => Promise<unknown>;
    const exec = object.exec.bind(object) as (...a: unknown[]) => Promise<unknown>;
    object.query = ((text: string, params?: unknown[], ...rest: unknown[]) => {
      noteStatement(text, params ?? []);
      return query(text, params, ...rest);
    }) as never;
    object.exec = ((text: string, ...rest: unknown[]) => {
      noteStatement(text);
      return exec(text, ...rest);
    }) as never;
  };
  wrap(target);
  const transaction = target.transaction.bind(target) as (fn: (tx: unknown) => Promise<unknown>) => Promise<unknown>;
  target.transaction = ((fn: (tx: PgliteLike) => Promise<unknown>) => {
    noteStatement('begin');
    return transaction(async (tx) => {
      wrap(tx as PgliteLike);
      try {
        const value = await fn(tx as PgliteLike);
        noteStatement('commit');
        return value;
      } catch (error) {
        noteStatement('rollback');
        throw error;
      }
    });
  }) as never;
  return client;
}

/*
 * The bench's capture (scripts/bench/capture.ts) starts a server with CASUSREGIE_STATEMENT_LOG naming a
 * file: every statement is appended to it as one JSON line, in the order sent, so the floor can replay
 * exactly what the app sent for a request. Never set in production.
 */
const logFile = process.env.CASUSREGIE_STATEMENT_LOG;
// Once per process: a server bundle can hold this module more than once, and the listeners are global.
const logging = globalThis as { __casusregieStatementLogFile?: string };
if (logFile && logging.__casusregieStatementLogFile !== logFile) {
  logging.__casusregieStatementLogFile = logFile;
  onStatement((text, params) => appendFileSync(logFile, `${JSON.stringify({ text, params })}\n`));
}
