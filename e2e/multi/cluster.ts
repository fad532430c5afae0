import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startHaproxy } from './haproxy';
import { instance, type Instance } from './instance';
import { startBouncer } from './pgbouncer';
import { createDatabase, startPostgres } from './postgres';
import { cleanEnv, isRoot, keepLogs, runScript } from './tools';

export { missingTools } from './tools';

/*
 * Production as it is meant to run, on one machine: a PostgreSQL cluster of its own (initdb into a temp
 * directory), PgBouncer in transaction pooling in front of it, two app instances (`scripts/serve.ts` on
 * the production build) that reach the database only through PgBouncer, and HAProxy round robin in front
 * of both, checking /api/ready. The configuration files are rendered from scripts/multi-instance/.
 */

export const METRICS_TOKEN = 'multi-instance-metrics-token-0123456789';
const SECRETS = {
  AUTH_SECRET: 'multi-instance-secret-0123456789abcdefghijklmnop',
  FIELD_KEYS: `m1:${Buffer.alloc(32, 7).toString('base64')}`,
  FIELD_SEARCH_KEY: Buffer.alloc(32, 9).toString('base64'),
};

export interface Cluster {
  /** HAProxy: the address users reach (NEXTAUTH_URL). */
  url: string;
  a: Instance;
  b: Instance;
  /** Straight to PostgreSQL, as the owner of the tables (for checks the app cannot make). */
  directUrl: string;
  /** Through PgBouncer, as the instances connect. */
  bouncerUrl: string;
  /** Another PgBouncer on the same database whose configuration lacks the lines that match `line`. */
  bouncerWithout(line: RegExp): Promise<string>;
  /** Runs a third server with `overrides` until it exits (killed after a minute): its exit code and output. */
  refusal(overrides: Record<string, string>): Promise<{ code: number | null; output: string }>;
  /** HAProxy's view of the instances: `{ a: 'UP', b: 'DOWN' }`. */
  backends(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * Starts everything and resolves once HAProxy sends to both instances. Whatever was started is stopped
 * again when a step fails, and when this process exits without stop().
 */
export async function startCluster(options: { basePort: number; env?: Record<string, string> }): Promise<Cluster> {
  const dir = fs.mkdtempSync('/tmp/casusregie-multi-');
  const stops: (() => Promise<void> | void)[] = [];
  const emergency: (() => void)[] = [];
  const onExit = () => emergency.forEach((fn) => fn());
  process.once('exit', onExit);
  const stopAll = async () => {
    process.off('exit', onExit);
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    keepLogs(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (isRoot) execFileSync('chown', ['postgres', dir]);
    const { pgPort, stopPostgres } = await startPostgres(dir);
    const [proxyPort, portA, portB] = [options.basePort, options.basePort + 1, options.basePort + 2];
    stops.push(stopPostgres);
    emergency.push(() => {
      try {
        stopPostgres();
      } catch {}
    });
    const directUrl = await createDatabase(pgPort);

    // Migrations and the demo house, straight to PostgreSQL (npm run db:seed -- --demo migrates first).
    await runScript(['scripts/db-seed.ts', '--demo'], { ...SECRETS, DATABASE_URL: directUrl }, path.join(dir, 'seed.log'));

    // PgBouncer in transaction pooling, with few server connections so that transactions of both
    // instances take turns on them.
    const bouncer = await startBouncer(dir, 'pgbouncer', pgPort, {});
    stops.push(bouncer.stop);
    emergency.push(bouncer.kill);
    const bouncerUrl = bouncer.url;
    const bouncerWithout = async (line: RegExp) => {
      const other = await startBouncer(dir, `pgbouncer-without-${stops.length}`, pgPort, { without: line });
      stops.push(other.stop);
      emergency.push(other.kill);
      return other.url;
    };

    const url = `http://127.0.0.1:${proxyPort}`;
    const env = {
      ...SECRETS,
      NEXTAUTH_URL: url,
      DATABASE_URL: bouncerUrl,
      DATABASE_READY_URL: bouncerUrl.replace(/\/casusregie$/, '/casusregie_ready'),
      // LISTEN needs a session of its own: straight to PostgreSQL, never through a transaction pooler.
      DATABASE_LISTEN_URL: directUrl,
      TRUSTED_PROXIES: '1',
      METRICS_TOKEN,
      ...options.env,
    };
    const a = instance('a', portA, env, dir);
    const b = instance('b', portB, env, dir);
    for (const app of [a, b]) {
      stops.push(async () => {
        if (app.running()) await app.stop('SIGTERM');
      });
      emergency.push(() => app.kill());
    }
    await Promise.all([a.start(), b.start()]);

    // HAProxy in front of both.
    const backends = await startHaproxy(dir, proxyPort, [a, b], stops, emergency);

    const refusal = async (overrides: Record<string, string>) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
        env: { ...cleanEnv(), ...env, PORT: String(options.basePort + 3), HOSTNAME: '127.0.0.1', ...overrides },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      clearTimeout(timer);
      return { code, output };
    };
    return { url, a: a.public, b: b.public, directUrl, bouncerUrl, bouncerWithout, refusal, backends, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
