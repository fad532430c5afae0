/**
 * `npm run worker`: the scheduled jobs (sweep, mail, retention) on pg-boss without a web server, for a
 * deployment whose web instances run with SCHEDULER=off. Any number of workers (and web instances with
 * jobs on) may run at once: pg-boss runs each job once. Stops on SIGTERM after the running job (bounded).
 *
 * `npm run worker -- --now sweep|mail-dispatch|retention` queues that job at once and exits; a running
 * worker or server picks it up within seconds (for operators and tests).
 */
import http from 'node:http';
import { closeDb } from '@/db/client';
import { env } from '@/lib/env';
import { problemsBeforeStart } from '@/lib/house/check-before-start';
import { StartupRefusal } from '@/lib/house/startup-checks';
import { QUEUE, type QueueName } from '@/lib/jobs/queues';
import { processJobContext, startJobs, stopJobs } from '@/lib/jobs/start';
import { log } from '@/lib/log';
import { metricsAccess } from '@/lib/metrics/access';
import { scrapeMetrics } from '@/lib/metrics/scrape';

const RUNNABLE: QueueName[] = [QUEUE.sweep, QUEUE.mailDispatch, QUEUE.retention];

async function main() {
  const config = env();
  if (!config.DATABASE_URL) {
    throw new Error(
      'npm run worker werkt alleen met PostgreSQL (DATABASE_URL). Met de ingebouwde database voert de server ' +
        '(npm start) de geplande taken zelf uit; een tweede proces op dezelfde datamap wordt geweigerd.',
    );
  }
  const nowAt = process.argv.indexOf('--now');
  if (nowAt >= 0) return queueNow(config.DATABASE_URL, process.argv[nowAt + 1]);

  const problems = await problemsBeforeStart(config);
  if (problems === 'unreachable') log.warn('[worker] database niet bereikbaar; de taken starten zodra ze antwoordt');
  else if (problems.length > 0) throw new StartupRefusal(problems);
  startJobs({ instanceName: 'worker' });
  const metricsServer = serveMetrics(config.METRICS_TOKEN);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `[worker] ${signal}: lopende taak afmaken en stoppen…`);
    metricsServer?.close();
    await stopJobs().catch(() => undefined);
    await closeDb();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** The worker's metrics (job runs, mail deliveries) on WORKER_METRICS_PORT, with the same token as the server's. */
function serveMetrics(token: string | undefined): http.Server | undefined {
  const port = Number(process.env.WORKER_METRICS_PORT);
  if (!token || !Number.isInteger(port) || port <= 0) return undefined;
  const server = http.createServer((req, res) => {
    const access = metricsAccess(token, req.headers.authorization ?? null);
    if (req.url !== '/metrics' || access !== 'allowed') {
      res.writeHead(access === 'refused' && req.url === '/metrics' ? 401 : 404).end();
      return;
    }
    scrapeMetrics().then(
      ({ contentType, body }) => res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  server.listen(port, () => log.info({ port }, `[worker] metrics op :${port}/metrics`));
  return server;
}

async function queueNow(connectionString: string, queue: string | undefined) {
  if (!RUNNABLE.includes(queue as QueueName)) throw new Error(`Gebruik: npm run worker -- --now ${RUNNABLE.join('|')}`);
  const { startJobEngine } = await import('@/lib/jobs/engine');
  const engine = await startJobEngine({ connectionString, context: processJobContext(), schedule: false, work: false });
  try {
    const id = await engine.runNow(queue as QueueName);
    console.log(id ? `Taak ${queue} in de wachtrij (${id}).` : `Er wacht al een taak ${queue}; niets toegevoegd.`);
  } finally {
    await engine.stop();
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
