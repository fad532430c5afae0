/**
 * The floor server: node:http, a pool to the database, and per request the statements the app sent for
 * the same request (captured from the app's own query log, ./capture.ts) in one transaction, answered as
 * JSON. No framework, no session check, no role switch and so no row-level security: what any
 * implementation of these endpoints that runs the app's SQL would at least cost. Started by the bench as a
 * child process (its own event loop, like the app server), stopped with SIGTERM.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { CapturedSql } from './capture';
import { ENDPOINT_NAMES, type EndpointName } from './endpoint-names';
import { openSqlDriver } from './sql-driver';

async function main() {
  const port = Number(process.env.BENCH_FLOOR_PORT);
  const captured = JSON.parse(fs.readFileSync(process.env.BENCH_FLOOR_SQL!, 'utf8')) as CapturedSql;
  const db = await openSqlDriver({
    databaseUrl: process.env.DATABASE_URL,
    pgliteDir: process.env.PGLITE_DIR,
    poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  // The bench measures one endpoint at a time: the user changes between measurements, not within one.
  let user: string | null = null;
  let switching = Promise.resolve();
  const forUser = (userId: string) => {
    if (user !== userId) {
      user = userId;
      switching = switching.then(() => db.forUser(userId));
    }
    return switching;
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://floor');
    if (url.pathname === '/health') {
      res.writeHead(200).end('ok');
      return;
    }
    const name = url.pathname.replace(/^\/floor\//, '') as EndpointName;
    const entry = ENDPOINT_NAMES.includes(name) ? captured[name] : undefined;
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    // The body of a POST is read (and ignored) like the app reads it.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const statements = entry.floor[Number(url.searchParams.get('i') ?? 0) % entry.floor.length]!;
      forUser(entry.userId)
        .then(() => db.transaction(statements))
        .then((rows) => {
          const body = JSON.stringify({ items: rows, total: rows.length });
          res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' }).end(body);
        })
        .catch((error: unknown) => {
          console.error(`[floor] ${name}: ${(error as Error).message}`);
          res.writeHead(500).end();
        });
    });
  });
  server.listen(port, '127.0.0.1', () => console.warn(`floor luistert op ${port}`));
  process.on('SIGTERM', () => server.close(() => db.close().then(() => process.exit(0))));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
