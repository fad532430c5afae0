import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

/*
 * Production as it is meant to run, on one machine: a PostgreSQL cluster of its own (initdb into a temp
 * directory), PgBouncer in transaction pooling in front of it, two app instances (`scripts/serve.ts` on
 * the production build) that reach the database only through PgBouncer, and HAProxy round robin in front
 * of both, checking /api/ready. The configuration files are rendered from scripts/multi-instance/.
 */

const TEMPLATES = path.join(process.cwd(), 'scripts/multi-instance');
const PASSWORD = 'multi-instance-only-0123456789';
export const METRICS_TOKEN = 'multi-instance-metrics-token-0123456789';
const SECRETS = {
  AUTH_SECRET: 'multi-instance-secret-0123456789abcdefghijklmnop',
  FIELD_KEYS: `m1:${Buffer.alloc(32, 7).toString('base64')}`,
  FIELD_SEARCH_KEY: Buffer.alloc(32, 9).toString('base64'),
};

const isRoot = process.getuid?.() === 0;

function pgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin/initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin'])) {
    const file = path.join(dir, command);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/** What this machine lacks to run the suite (CI installs all of it: .ci/run). */
export function missingTools(): string[] {
  return [!pgBin() && 'postgresql', !which('pgbouncer') && 'pgbouncer', !which('haproxy') && 'haproxy'].filter((t): t is string => !!t);
}

/** PostgreSQL and PgBouncer refuse to run as root: as the user postgres then, like .ci/run. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function runAsPostgres(command: string, args: string[]) {
  const [cmd, full] = asPostgres(command, args);
  execFileSync(cmd, full, { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function render(template: string, values: Record<string, string>): string {
  return fs.readFileSync(path.join(TEMPLATES, template), 'utf8').replace(/@([A-Z_]+)@/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`${template}: no value for @${name}@`);
    return values[name]!;
  });
}

async function waitFor<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} not within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await sleep(250);
  }
}

export interface Instance {
  name: 'a' | 'b';
  url: string;
  /** Starts the server and resolves once its /api/ready answers 200. */
  start(): Promise<void>;
  /** Sends `signal` and resolves with the exit code once the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  running(): boolean;
  /** Everything this instance printed, over its restarts (JSON lines). */
  log(): string;
}

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
    const bin = pgBin()!;
    const pgPort = await freePort();
    const [proxyPort, portA, portB] = [options.basePort, options.basePort + 1, options.basePort + 2];

    // PostgreSQL: the owner of the tables signs in with a password (SCRAM), as in production.
    fs.writeFileSync(path.join(dir, 'pwfile'), PASSWORD);
    if (isRoot) execFileSync('chown', ['postgres', path.join(dir, 'pwfile')]);
    const data = path.join(dir, 'data');
    runAsPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'casusregie', '--auth=scram-sha-256', `--pwfile=${dir}/pwfile`, '-E', 'UTF8', '--locale=C.UTF-8']);
    runAsPostgres(path.join(bin, 'pg_ctl'), [
      '-D', data, '-l', path.join(dir, 'postgresql.log'), '-w', '-o',
      `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`, 'start',
    ]);
    const stopPostgres = () => runAsPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    stops.push(stopPostgres);
    emergency.push(() => {
      try {
        stopPostgres();
      } catch {}
    });
    const server = `postgres://casusregie:${PASSWORD}@127.0.0.1:${pgPort}`;
    const admin = new pg.Client({ connectionString: `${server}/postgres` });
    await admin.connect();
    await admin.query('create database casusregie');
    await admin.end();
    const directUrl = `${server}/casusregie`;

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
    const statsSocket = path.join(dir, 'haproxy.sock');
    fs.writeFileSync(
      path.join(dir, 'haproxy.cfg'),
      render('haproxy.cfg', {
        STATS_SOCKET: statsSocket,
        BIND: `127.0.0.1:${proxyPort}`,
        SERVERS: [a, b].map((app) => `    server ${app.name} ${new URL(app.url).host} check`).join('\n'),
      }),
    );
    const proxyLog = fs.openSync(path.join(dir, 'haproxy.log'), 'a');
    const proxy = spawn(which('haproxy')!, ['-f', path.join(dir, 'haproxy.cfg'), '-db'], { stdio: ['ignore', proxyLog, proxyLog] });
    const proxyExited = new Promise((resolve) => proxy.once('exit', resolve));
    stops.push(async () => {
      proxy.kill('SIGTERM');
      await proxyExited;
    });
    emergency.push(() => proxy.kill('SIGKILL'));
    const backends = () => haproxyBackends(statsSocket);
    await waitFor('HAProxy sending to both instances', 20_000, async () => {
      const state = await backends();
      return state.a === 'UP' && state.b === 'UP' ? true : undefined;
    });

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

/** PgBouncer as the user postgres, from scripts/multi-instance/pgbouncer.ini (less the lines `without`). */
async function startBouncer(dir: string, name: string, pgPort: number, options: { without?: RegExp }) {
  const port = await freePort();
  const file = (ext: string) => path.join(dir, `${name}.${ext}`);
  fs.writeFileSync(file('users'), `"casusregie" "${PASSWORD}"\n`);
  const config = render('pgbouncer.ini', {
    PG_HOST: '127.0.0.1',
    PG_PORT: String(pgPort),
    LISTEN_ADDR: '127.0.0.1',
    LISTEN_PORT: String(port),
    AUTH_FILE: file('users'),
    POOL_SIZE: '6',
    LOG_FILE: file('log'),
    PID_FILE: file('pid'),
    ADMIN_USER: 'casusregie',
  });
  fs.writeFileSync(file('ini'), config.split('\n').filter((line) => !options.without?.test(line)).join('\n'));
  if (isRoot) execFileSync('chown', ['postgres', file('users'), file('ini')]);
  runAsPostgres(which('pgbouncer')!, ['-d', file('ini')]);
  const stop = () => {
    const pid = Number(fs.readFileSync(file('pid'), 'utf8'));
    if (pid) process.kill(pid, 'SIGTERM');
  };
  const url = `postgres://casusregie:${PASSWORD}@127.0.0.1:${port}/casusregie`;
  await waitFor('PgBouncer', 10_000, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.end();
    return true;
  });
  return {
    url,
    stop,
    kill: () => {
      try {
        stop();
      } catch {}
    },
  };
}

/** The server logs and the configuration stay with the test results, for reading after a failure. */
function keepLogs(dir: string) {
  const target = path.join(process.cwd(), 'test-results', 'multi-instance');
  fs.mkdirSync(target, { recursive: true });
  for (const file of fs.readdirSync(dir)) {
    if (/\.(log|ini|cfg)$/.test(file)) fs.copyFileSync(path.join(dir, file), path.join(target, file));
  }
}

async function runScript(args: string[], env: Record<string, string>, logFile: string) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...cleanEnv(), ...env }, stdio: ['ignore', out, out] });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}:\n${fs.readFileSync(logFile, 'utf8')}`);
}

/** The test runner's environment without what would point an instance at another database. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'PGLITE_DIR', 'TEST_DATABASE_URL', 'SMTP_URL', 'PORT', 'NEXTAUTH_URL']) delete env[name];
  return env;
}

function instance(name: 'a' | 'b', port: number, env: Record<string, string>, dir: string) {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);
  const logFile = path.join(dir, `instance-${name}.log`);
  const running = () => !!child && child.exitCode === null && child.signalCode === null;
  const self: Instance = {
    name,
    url,
    running,
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    async start() {
      const out = fs.openSync(logFile, 'a');
      child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
        env: { ...cleanEnv(), ...env, PORT: String(port), HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', out, out],
      });
      const started = child;
      exited = new Promise((resolve) => started.once('exit', (code) => resolve(code)));
      await waitFor(`instance ${name} ready`, 120_000, async () => {
        if (!running()) throw new Error(`instance ${name} exited:\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
        return (await fetch(`${url}/api/ready`)).status === 200 ? true : undefined;
      });
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!running()) return exited;
      child!.kill(signal);
      const force = setTimeout(() => child?.kill('SIGKILL'), 30_000);
      try {
        return await exited;
      } finally {
        clearTimeout(force);
      }
    },
  };
  return { ...self, public: self, kill: () => (running() ? child!.kill('SIGKILL') : undefined) };
}

/** HAProxy's stats socket: the status of each server of the backend `app`. */
async function haproxyBackends(socket: string): Promise<Record<string, string>> {
  const csv = await new Promise<string>((resolve, reject) => {
    let out = '';
    const connection = net.createConnection(socket, () => connection.write('show stat\n'));
    connection.on('data', (chunk) => (out += chunk));
    connection.on('end', () => resolve(out));
    connection.on('error', reject);
  });
  const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
  const columns = header!.split(',');
  const [px, sv, status] = ['pxname', 'svname', 'status'].map((c) => columns.indexOf(c));
  const state: Record<string, string> = {};
  for (const row of rows) {
    const cells = row.split(',');
    if (cells[px!] === 'app' && cells[sv!] !== 'BACKEND') state[cells[sv!]!] = cells[status!]!;
  }
  return state;
}
