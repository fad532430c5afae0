import type { Pool, PoolClient, PoolConfig } from 'pg';
import { log } from '@/lib/log';
import { databaseFault } from './faults';
import { takeBeginTail, type BeginWith } from './begin-with';
import { noteStatement } from './statement-log';

/*
 * A `pg` pool that survives a database going away or freezing, which the plain pool and Drizzle do not:
 * - a query the client gave up on (query_timeout: a frozen server) leaves its connection busy with it, and
 *   the next request would queue behind it: the connection is closed instead;
 * - a connection that ends while lent out (closed above, or terminated by the server) goes back to the pool
 *   at once, because Drizzle does not give it back when its `begin` fails;
 * - a connection's error while lent out but idle (between two statements) would crash the process: logged;
 * - every BEGIN carries `onBegin` (the statement bounds, db/timeouts.ts) in the same round trip: behind a
 *   transaction pooler (PgBouncer) the session's start-up options never reach the server connection that
 *   runs the transaction, so each transaction sets its own.
 */

const BEGIN = /^\s*begin\b[^;]*$/i;

/**
 * `begin …` sent without parameters (Drizzle's, or a script's) becomes `begin …; <onBegin>`, and
 * `; <statement>` when the caller asked for one in the same round trip (db/begin-with.ts).
 */
function withOnBegin(args: unknown[], onBegin: string | undefined): { args: unknown[]; tail?: BeginWith } {
  const [first, values] = args;
  if (Array.isArray(values) && values.length > 0) return { args };
  const text = typeof first === 'string' ? first : (first as { text?: unknown; name?: unknown } | null)?.name ? undefined : (first as { text?: unknown } | null)?.text;
  if (typeof text !== 'string' || !BEGIN.test(text)) return { args };
  const tail = takeBeginTail();
  const full = [text, onBegin, tail?.text].filter(Boolean).join('; ');
  if (full === text) return { args };
  return { args: [typeof first === 'string' ? full : { ...(first as object), text: full }, ...args.slice(1)], tail };
}

/** Reports the statement to db/statement-log.ts: text and values, whichever form query() was called in. */
function noteArgs(args: unknown[]): void {
  const [first, second] = args;
  const config = typeof first === 'string' ? { text: first, values: second } : (first as { text?: unknown; values?: unknown } | null);
  if (typeof config?.text !== 'string') return;
  noteStatement(config.text, Array.isArray(config.values) ? config.values : Array.isArray(second) ? second : []);
}

const lost = (error: Error) => {
  const code = (error as { code?: string }).code;
  const kind = databaseFault(error) ?? 'unknown';
  log.error({ error: error.name, ...(code ? { errorCode: code } : {}), kind }, `[db] verbinding verloren: ${code ?? error.name} kind=${kind}`);
};

export async function createPool(config: PoolConfig, options: { onBegin?: string } = {}): Promise<Pool> {
  const pg = await import('pg');
  class BoundedClient extends pg.Client {
    // The overloads of query() are many; every form is passed on unchanged (a BEGIN with onBegin added).
    query(...given: unknown[]): never {
      const { args, tail } = withOnBegin(given, options.onBegin);
      noteArgs(args);
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
          this.dropIfTimedOut(error);
          callback(error, ...rest);
        };
      }
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result instanceof Promise) {
        result.catch((error: unknown) => this.dropIfTimedOut(error));
        // A multi-statement answer is one result per statement: the appended one's rows are the last.
        if (tail) {
          return result.then(
            (answer: unknown) => {
              const last = Array.isArray(answer) ? answer.at(-1) : answer;
              tail.rows = (last as { rows?: Record<string, unknown>[] } | undefined)?.rows ?? [];
              return answer;
            },
            (error: unknown) => {
              // Drizzle neither rolls back nor releases after a failed BEGIN, and this one opened a
              // transaction: the connection is closed, and so goes back to the pool (the 'end' handler below).
              (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
              throw error;
            },
          ) as never;
        }
      }
      return result as never;
    }

    private dropIfTimedOut(error: unknown) {
      if ((error as Error | undefined)?.message === 'Query read timeout') {
        (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      }
    }
  }
  const pool = new pg.Pool({ ...config, Client: BoundedClient as unknown as PoolConfig['Client'] });
  const lent = new Set<PoolClient>();
  pool.on('acquire', (client) => lent.add(client));
  pool.on('release', (_error, client) => lent.delete(client));
  pool.on('error', lost);
  pool.on('connect', (client) => {
    client.on('error', lost);
    client.on('end', () => {
      if (!lent.has(client)) return;
      const release = client.release;
      client.release = () => undefined;
      release(new Error('Connection terminated while lent out'));
    });
  });
  return pool;
}
