import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, installDb } from '@/db/client';
import { openPostgres } from '@/db/open';
import { databaseReachable } from './health';

const serverUrl = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;

/** A TCP relay in front of the test server that can be "unplugged" like a failing network or server. */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const start = () =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve(port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server?.close(() => resolve());
    });
  return { start, stop };
}

describe.skipIf(!serverUrl)('readiness against a PostgreSQL server', () => {
  const target = new URL(serverUrl ?? 'postgres://x@127.0.0.1:1/x');
  const link = relay(target);

  beforeAll(async () => {
    const port = await link.start();
    const viaRelay = new URL(target);
    viaRelay.port = String(port);
    installDb(await openPostgres(viaRelay.toString(), { max: 2 }));
  });
  afterAll(async () => {
    await link.stop();
    await closeDb();
  });

  it('reports the database down while it is unreachable, and up again without a restart', async () => {
    expect(await databaseReachable()).toBe(true);
    await link.stop();
    expect(await databaseReachable(1000)).toBe(false);
    await link.start();
    expect(await databaseReachable()).toBe(true);
  });
});

describe('readiness without a database', () => {
  afterAll(() => closeDb());

  it('answers false, not an exception, when nothing listens', async () => {
    installDb(await openPostgres('postgres://nobody@127.0.0.1:1/none', { max: 1 }));
    expect(await databaseReachable(3000)).toBe(false);
  });
});
