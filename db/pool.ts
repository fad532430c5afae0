import type { Pool, PoolClient, PoolConfig } from 'pg';
import { log } from '@/lib/log';
import { databaseFault } from './faults';
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

/** `begin …` sent without parameters (Drizzle's, or a script's) becomes `begin …; <onBegin>`. */
function withOnBegin(args: unknown[], onBegin: string | undefined): unknown[] {
  if (!onBegin) return args;
  const [first, values] = args;
  if (Array.isArray(values) && values.length > 0) return args;
  if (typeof first === 'string') return BEGIN.test(first) ? [`${first}; ${onBegin}`, ...args.slice(1)] : args;
  const text = (first as { text?: unknown } | null)?.text;
  if (typeof text === 'string' && BEGIN.test(text) && !(first as { name?: unknown }).name) {
    return [{ ...(first as object), text: `${text}; ${onBegin}` }, ...args.slice(1)];
  }
  return args;
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
      const args = withOnBegin(given, options.onBegin);
      noteArgs(args);
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
          this.dropIfTimedOut(error);
          callback(error, ...rest);
        };
      }
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result instanceof Promise) result.catch((error: unknown) => this.dropIfTimedOut(error));
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
