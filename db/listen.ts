import type { Client } from 'pg';
import { log } from '@/lib/log';

/**
 * PostgreSQL notifications (LISTEN/NOTIFY) for one process. A notification sent while the connection was down
 * is lost: `onReconnect` tells the listener so it can catch up from the table that holds what was announced.
 */
export interface Notifications {
  listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Embedded PGlite delivers notifications in-process, on its one connection. */
export function pgliteNotifications(client: {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}): Notifications {
  return {
    listen: (channel, onMessage) => client.listen(channel, onMessage),
    close: async () => undefined,
  };
}

interface Subscription {
  channel: string;
  onMessage: (payload: string) => void;
  onReconnect?: () => void;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One dedicated session connection to the server (not through a transaction pooler: PgBouncer in
 * transaction mode would hand the LISTEN to whichever client came next). It reconnects with backoff after
 * an outage and a probe every 30 s finds a connection that died silently.
 */
export function pgNotifications(connectionString: string, options: { probeMs?: number; maxBackoffMs?: number } = {}): Notifications {
  const subscriptions = new Set<Subscription>();
  let client: Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;
  // After any earlier attempt (an outage, or a first try that failed) the listeners may have missed something.
  let attempted = false;

  const probe = setInterval(() => {
    client?.query('select 1').catch(() => client?.end().catch(() => undefined));
  }, options.probeMs ?? 30_000);
  probe.unref();

  const channels = () => [...new Set([...subscriptions].map((s) => s.channel))];

  async function connect(): Promise<void> {
    const catchUp = attempted;
    attempted = true;
    const pg = await import('pg');
    const next = new pg.Client({ connectionString, keepAlive: true, application_name: 'casusregie-listen' });
    next.on('notification', (message) => {
      for (const s of subscriptions) if (s.channel === message.channel) s.onMessage(message.payload ?? '');
    });
    next.on('error', (error) => {
      log.warn({ error: error.name, errorCode: (error as { code?: string }).code }, '[listen] verbinding verloren');
    });
    next.on('end', () => {
      if (client === next) client = undefined;
      if (!closed) scheduleReconnect();
    });
    try {
      await next.connect();
      for (const channel of channels()) await next.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (error) {
      // An 'end' follows a failed connect; make sure it does, then let that schedule the retry.
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    failures = 0;
    if (catchUp) for (const s of subscriptions) s.onReconnect?.();
  }

  function scheduleReconnect() {
    if (retry || closed) return;
    const delay = Math.min(options.maxBackoffMs ?? 10_000, 250 * 2 ** failures++);
    retry = setTimeout(() => {
      retry = undefined;
      connecting = connect().catch(() => {
        connecting = undefined;
        scheduleReconnect();
      });
    }, delay);
    retry.unref();
  }

  return {
    async listen(channel, onMessage, onReconnect) {
      const subscription = { channel, onMessage, onReconnect };
      const isNew = !channels().includes(channel);
      subscriptions.add(subscription);
      connecting ??= connect().catch((error) => {
        connecting = undefined;
        scheduleReconnect();
        throw error;
      });
      await connecting;
      if (isNew && client) await client.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        subscriptions.delete(subscription);
      };
    },
    async close() {
      closed = true;
      clearInterval(probe);
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
