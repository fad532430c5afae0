/**
 * Production server: Next's request handler on node:http, with a shutdown that finishes requests in
 * flight and then closes the database (an embedded PGlite must be closed cleanly, or its files can be
 * damaged). `npm start` runs this after `npm run build`.
 */
import http from 'node:http';
import next from 'next';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

type Holder = { handle?: Promise<{ close(): Promise<void> }> };

async function main() {
  // Next needs its own address to follow redirects from server actions.
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname === '0.0.0.0' ? 'localhost' : hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[serve] request failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.listen(port, hostname, () => console.log(`Casusregie luistert op http://localhost:${port}`));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[serve] ${signal}: stoppen na lopende verzoeken…`);
    const force = setTimeout(() => {
      console.error('[serve] lopende verzoeken duurden te lang; geforceerd stoppen');
      process.exit(1);
    }, 20_000);
    force.unref();
    server.close(async () => {
      const holder = (globalThis as { __casusregieDb?: Holder }).__casusregieDb;
      const db = await holder?.handle?.catch(() => undefined);
      await db?.close();
      console.log('[serve] database gesloten');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
