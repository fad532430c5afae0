/**
 * Production server: Next's request handler on node:http, with a shutdown that finishes requests in
 * flight and then closes the database (an embedded PGlite must be closed cleanly, or its files can be
 * damaged). `npm start` runs this after `npm run build`.
 */
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { lockDataDir } from '@/db/data-dir-lock';
import { databaseFault } from '@/db/faults';
import { parseEnv } from '@/lib/env/schema';
import { problemsBeforeStart } from '@/lib/house/check-before-start';
import { markDraining } from '@/lib/house/draining';
import { StartupRefusal } from '@/lib/house/startup-checks';
import { trustedClientIp } from '@/lib/http/client-ip';
import { DB_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from '@/lib/http/db-unavailable-text';
import { describeError, errorFields } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import { rawRefusalResponse, rawRequestRefusal } from '@/lib/http/raw-request';

type Holder = { handle?: Promise<{ close(): Promise<void> }>; jobs?: Promise<{ close(): Promise<void> }> };
type JobsHolder = { stop?: () => Promise<void> };

async function main() {
  const config = parseEnv(process.env);
  const { PORT: port, HOSTNAME: hostname, SHUTDOWN_DRAIN_MS: drainMs, TRUSTED_PROXIES: trustedProxies } = config;
  // The embedded database is this process's from the start: a second server or a script on the same
  // directory refuses at once (db/data-dir-lock.ts). The lock goes when this process exits.
  if (!config.DATABASE_URL) lockDataDir(path.resolve(config.PGLITE_DIR));
  // Migrations, the app role and its grants, the field keys: a problem stops the start, saying what to run.
  const problems = await problemsBeforeStart(config);
  if (problems === 'unreachable') log.warn('[serve] database niet bereikbaar; de controle bij de start volgt zodra ze antwoordt');
  else if (problems.length > 0) throw new StartupRefusal(problems);
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  // Next needs its own address to follow redirects from server actions.
  // quiet: Next would log every error thrown by a page or server action whole, a failed query with its
  // parameters (personal data); instrumentation.ts logs the safe line instead.
  const app = next({ dev: false, quiet: true, dir: process.cwd(), hostname: hostname === '0.0.0.0' ? 'localhost' : hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let stopping = false;
  const server = http.createServer((req, res) => {
    // While draining, every answer closes its connection, so keep-alive clients reconnect elsewhere.
    if (stopping) res.setHeader('Connection', 'close');
    // The audit log and the sign-in throttle use the client's address: only the one this server can vouch
    // for (the peer, or what the trusted proxies in front of it saw), never one a client made up.
    const ip = trustedClientIp(req.headers['x-forwarded-for'], req.socket.remoteAddress, trustedProxies);
    delete req.headers['x-real-ip'];
    if (ip) req.headers['x-forwarded-for'] = ip;
    else delete req.headers['x-forwarded-for'];
    // Likewise the host and scheme: without a proxy in front, a client's X-Forwarded-Host is its own invention.
    if (trustedProxies === 0) {
      delete req.headers['x-forwarded-host'];
      delete req.headers['x-forwarded-proto'];
    }
    // What Next cannot represent (TRACE, a path that does not decode, a NUL) gets a Dutch 4xx here.
    const refusal = rawRequestRefusal(req.method, req.url);
    if (refusal) {
      const { status, headers, body } = rawRefusalResponse(refusal);
      res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    handle(req, res).catch((error: unknown) => {
      log.error(errorFields(error), `[serve] request failed: ${describeError(error)}`);
      if (res.headersSent) return;
      if (databaseFault(error)) {
        res.writeHead(503, { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Content-Type': 'text/plain; charset=utf-8' }).end(DB_UNAVAILABLE_MESSAGE);
      } else res.writeHead(500).end();
    });
  });
  server.listen(port, hostname, () => log.info({ port }, `Casusregie luistert op http://localhost:${port}`));

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    markDraining();
    log.info({ signal }, `[serve] ${signal}: /api/ready meldt 503; na ${drainMs} ms stoppen na lopende verzoeken…`);
    const force = setTimeout(() => {
      log.fatal('[serve] lopende verzoeken duurden te lang; geforceerd stoppen');
      process.exit(1);
    }, drainMs + 20_000);
    force.unref();
    // First a drain period: connections that were just opened still get their answer, and a load
    // balancer sees the 503 from /api/ready and stops sending new traffic.
    setTimeout(() => {
      server.close(async () => {
        // Running jobs finish (bounded) before the database goes; pg-boss gives unfinished ones to another instance.
        await (globalThis as { __casusregieJobs?: JobsHolder }).__casusregieJobs?.stop?.().catch(() => undefined);
        const holder = (globalThis as { __casusregieDb?: Holder }).__casusregieDb;
        for (const pending of [holder?.jobs, holder?.handle]) await (await pending?.catch(() => undefined))?.close();
        log.info('[serve] database gesloten');
        process.exit(0);
      });
      server.closeIdleConnections();
    }, drainMs);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // A refusal to start says what to run, over several lines: plain text for the operator's terminal.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
