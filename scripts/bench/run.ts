import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FOLD_STATEMENT } from '@/lib/dashboard/fold-rollups';
import type { EndpointName } from './endpoint-names';
import { endpointSpecs, type EndpointSpec } from './app-requests';
import { startChild, startScriptNodeArgs, waitUntilReady } from './child';
import { liftSearchLimit, loadFixtures, restoreSearchLimit, type BenchRole, type Fixtures } from './fixtures';
import { withCpuTime } from './cpu-time';
import { captureLogFile, captureRequests, statementsPerRequest, type CapturedSql } from './capture';
import { runHttpLoad } from './http-load';
import type { BenchOptions } from './options';
import type { BenchResult, Measurement } from './report';
import { signIn } from './sign-in';
import { openSqlDriver, type SqlDriver } from './sql-driver';
import { runSqlLoad } from './sql-load';
import { timePurge } from './purge-timer';
import { timeSweep } from './sweep-timer';

export class BenchSetupError extends Error {}

export interface BenchEnvironment {
  databaseUrl?: string;
  pgliteDir: string;
  distDir: string;
  /** Passed on to the servers the bench starts (keys, secret, pool size). */
  serverEnv: Record<string, string | undefined>;
}

/** Refuses to measure a development server: `npm run bench` needs the output of `next build`. */
export function assertProductionBuild(distDir: string): void {
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    throw new BenchSetupError(
      `Geen productie-build gevonden in ${distDir}/. Maak eerst een productie-build: npm run build` +
        ` (of met een eigen map: NEXT_DIST_DIR=.next-bench npx next build, en start de bench met dezelfde NEXT_DIST_DIR).`,
    );
  }
}

type Log = (line: string) => void;

function describe(m: Measurement): string {
  const head = `${m.target.padEnd(5)} ${m.endpoint.padEnd(14)} ${String(m.connections).padStart(3)} verb.: `;
  if (m.requests === 0) return `${head}geen antwoord binnen de meetduur${m.errors ? ` (${m.errors} fouten)` : ''}`;
  return `${head}p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, ${m.throughput} req/s (${m.requests} antwoorden)${m.errors ? `, ${m.errors} FOUTEN` : ''}`;
}

/**
 * How long to measure at `connections`: at least the asked duration, and long enough for every
 * connection to get about three answers at the pace the warm-up showed (two cores serve two requests at a
 * time), so a slow endpoint yields figures instead of nothing; at most two minutes.
 */
function durationFor(options: BenchOptions, warmP50Ms: number | null, connections: number): number {
  if (warmP50Ms === null) return options.duration;
  // No answer during the warm-up: a request takes at least that long.
  const pace = Number.isNaN(warmP50Ms) ? options.warmup * 1000 : warmP50Ms;
  const needed = Math.ceil((3 * pace * Math.max(1, connections / 2)) / 1000);
  return Math.min(Math.max(options.duration, needed), Math.max(options.duration, 120));
}

/** Between two measurements: let the database finish what the last one left running. */
type Settle = () => Promise<void>;

/** The production server on the bench's port, nothing running inside it but the requests. */
function startAppServer(options: BenchOptions, env: BenchEnvironment, extra: Record<string, string> = {}) {
  const base = `http://127.0.0.1:${options.port}`;
  const server = startChild('scripts/serve.ts', {
    ...env.serverEnv,
    NODE_ENV: 'production',
    PORT: String(options.port),
    HOSTNAME: '127.0.0.1',
    NEXTAUTH_URL: base,
    NEXT_DIST_DIR: env.distDir,
    DATABASE_URL: env.databaseUrl,
    PGLITE_DIR: env.pgliteDir,
    // No sweep, mail or retention run inside the server while it is measured (retention would change the data).
    SCHEDULER: 'off',
    DEMO_DATA: 'off',
    SHUTDOWN_DRAIN_MS: '0',
    ...extra,
    // BENCH_CPU_PROF_DIR=dir: each app server writes a V8 CPU profile there when it stops (for where the time goes).
  }, [...startScriptNodeArgs(), ...(process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [])]);
  return { base, server };
}

/**
 * The app's own SQL per endpoint (./capture.ts), from a server of its own that logs every statement; it
 * also signs the bench's users in, and the measured server takes over their sessions.
 */
async function captureApp(specs: EndpointSpec[], fixtures: Fixtures, options: BenchOptions, env: BenchEnvironment, log: Log) {
  const file = captureLogFile();
  fs.rmSync(file, { force: true });
  const { base, server } = startAppServer(options, env, { CASUSREGIE_STATEMENT_LOG: file });
  try {
    await waitUntilReady(server, `${base}/api/ready`);
    const cookies = new Map<BenchRole, string>();
    const roles = Object.keys(fixtures.accounts) as BenchRole[];
    for (const role of new Set(specs.map((s) => s.role))) cookies.set(role, await signIn(base, fixtures.accounts[role]));
    const users = Object.fromEntries(roles.map((r) => [r, fixtures.accounts[r].userId])) as Record<BenchRole, string>;
    const captured = await captureRequests(base, specs, cookies, users, file);
    for (const [name, entry] of Object.entries(captured)) {
      const n = statementsPerRequest(entry);
      log(`sql van de app: ${name.padEnd(14)} ${n.app} statements per verzoek (floor ${n.floor})`);
    }
    return { captured, cookies };
  } finally {
    await server.stop();
    fs.rmSync(file, { force: true });
  }
}

async function measureApp(specs: EndpointSpec[], cookies: Map<BenchRole, string>, options: BenchOptions, env: BenchEnvironment, log: Log, settle: Settle) {
  const { base, server } = startAppServer(options, env);
  const measurements: Measurement[] = [];
  try {
    await waitUntilReady(server, `${base}/api/ready`);
    for (const spec of specs) {
      const headers = { cookie: cookies.get(spec.role)!, origin: base, 'content-type': 'application/json' };
      const load = (connections: number, durationS: number) => {
        let i = 0;
        return runHttpLoad({ url: base, connections, durationS, headers, next: () => spec.request(i++) });
      };
      let warmP50: number | null = null;
      if (options.warmup > 0) {
        const warm = await load(1, options.warmup);
        if (warm.errors) throw new BenchSetupError(`${spec.name} geeft fouten bij het opwarmen (${warm.errors}); serveruitvoer:\n${server.output().slice(-3000)}`);
        warmP50 = warm.p50;
      }
      for (const connections of options.connections) {
        await settle();
        const durationS = durationFor(options, warmP50, connections);
        const m = { endpoint: spec.name, target: 'app' as const, connections, durationS, ...(await withCpuTime(server.process.pid!, () => load(connections, durationS))) };
        measurements.push(m);
        log(describe(m));
      }
    }
    return { measurements, peakRssMb: server.peakRssMb() };
  } finally {
    await server.stop();
  }
}

async function measureFloor(specs: EndpointSpec[], captured: CapturedSql, options: BenchOptions, env: BenchEnvironment, log: Log, settle: Settle) {
  const port = options.port + 1;
  const base = `http://127.0.0.1:${port}`;
  const capturedFile = path.join(os.tmpdir(), `casusregie-bench-floor-${process.pid}.json`);
  fs.writeFileSync(capturedFile, JSON.stringify(captured));
  const server = startChild('scripts/bench/floor-server.ts', {
    ...env.serverEnv,
    DATABASE_URL: env.databaseUrl,
    PGLITE_DIR: env.databaseUrl ? undefined : env.pgliteDir,
    BENCH_FLOOR_PORT: String(port),
    BENCH_FLOOR_SQL: capturedFile,
  });
  const measurements: Measurement[] = [];
  try {
    await waitUntilReady(server, `${base}/health`);
    for (const spec of specs) {
      const load = (connections: number, durationS: number) => {
        let i = 0;
        return runHttpLoad({
          url: base, connections, durationS, headers: { 'content-type': 'application/json' },
          next: () => {
            const n = i++;
            return { ...spec.request(n), path: spec.floorPath(n) };
          },
        });
      };
      const warmP50 = options.warmup > 0 ? (await load(1, options.warmup)).p50 : null;
      for (const connections of options.connections) {
        await settle();
        const durationS = durationFor(options, warmP50, connections);
        const m = { endpoint: spec.name, target: 'floor' as const, connections, durationS, ...(await withCpuTime(server.process.pid!, () => load(connections, durationS))) };
        measurements.push(m);
        log(describe(m));
      }
    }
    return { measurements, peakRssMb: server.peakRssMb() };
  } finally {
    await server.stop();
    fs.rmSync(capturedFile, { force: true });
  }
}

async function measureSql(db: SqlDriver, specs: EndpointSpec[], captured: CapturedSql, options: BenchOptions, log: Log) {
  const measurements: Measurement[] = [];
  for (const spec of specs) {
    const entry = captured[spec.name]!;
    // As the floor: the app's statements for the endpoint's user (views read app.user_id), without the role.
    await db.forUser(entry.userId);
    const statements = (i: number) => entry.floor[i % entry.floor.length]!;
    const warmP50 = options.warmup > 0 ? (await runSqlLoad(db, statements, { connections: 1, durationS: options.warmup })).p50 : null;
    for (const connections of options.connections) {
      const durationS = durationFor(options, warmP50, connections);
      const m = { endpoint: spec.name, target: 'sql' as const, connections, durationS, ...(await withCpuTime(null, () => runSqlLoad(db, statements, { connections, durationS }))) };
      measurements.push(m);
      log(describe(m));
    }
  }
  return measurements;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/**
 * The whole benchmark: fixtures from the database, then the app server (production build), the floor
 * server and the SQL alone, each endpoint at each concurrency, then a full stagnation sweep. The
 * embedded database is one process's: there each phase opens it in turn, never two at once.
 */
export async function runBench(options: BenchOptions, env: BenchEnvironment, log: Log): Promise<BenchResult> {
  assertProductionBuild(env.distDir);
  const target = { databaseUrl: env.databaseUrl, pgliteDir: env.pgliteDir, poolSize: Number(env.serverEnv.DATABASE_POOL_SIZE ?? 10) };
  const embedded = !env.databaseUrl;
  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg();
  let db: SqlDriver | null = await openSqlDriver(target);
  const fixtures = await loadFixtures(db);
  await liftSearchLimit(db, fixtures.accounts.regisseur.userId);
  const reopen = async () => (db ??= await openSqlDriver(target));
  const release = async () => {
    if (embedded && db) {
      await db.close();
      db = null;
    }
  };
  // The embedded database is closed while a server owns it; there, settling is not possible (nor needed as much).
  const settle: Settle = async () => {
    if (!db) return;
    await db.settle(startedAt);
    // The bench's server runs without its schedule, whose fold each minute keeps the dashboard rollups'
    // changes to a minute's writes; the writes of a measurement before (logging progress) would otherwise
    // stay in them for every dashboard after.
    await db.query(FOLD_STATEMENT);
  };
  const specs = endpointSpecs(fixtures).filter((s) => !options.only || options.only.includes(s.name as EndpointName));
  const result: BenchResult = {
    startedAt: startedAt.toISOString(),
    label: options.label ?? null,
    database: { kind: embedded ? 'pglite' : 'postgres', cases: fixtures.cases },
    machine: { cpus: os.cpus().length, loadAverageAtStart, loadAverageAtEnd: [], node: process.version },
    commit: gitCommit(),
    options: { connections: options.connections, durationS: options.duration, warmupS: options.warmup },
    measurements: [],
    memory: { appPeakRssMb: null, floorPeakRssMb: null },
    sweep: null,
    statements: {},
  };
  try {
    log(`${fixtures.cases} casussen; ${specs.length} endpoints × ${options.connections.join('/')} verbindingen × ${options.targets.join(', ')}`);
    await release();
    const { captured, cookies } = await captureApp(specs, fixtures, options, env, log);
    for (const [name, entry] of Object.entries(captured)) result.statements![name as EndpointName] = statementsPerRequest(entry);
    if (options.targets.includes('app')) {
      await release();
      const app = await measureApp(specs, cookies, options, env, log, settle);
      result.measurements.push(...app.measurements);
      result.memory.appPeakRssMb = app.peakRssMb;
    }
    if (options.targets.includes('floor')) {
      await release();
      const floor = await measureFloor(specs, captured, options, env, log, settle);
      result.measurements.push(...floor.measurements);
      result.memory.floorPeakRssMb = floor.peakRssMb;
    }
    if (options.targets.includes('sql')) {
      await settle();
      result.measurements.push(...(await measureSql(await reopen(), specs, captured, options, log)));
    }
    if (options.sweep) {
      await settle();
      await release();
      result.sweep = await timeSweep(env);
      log(`sweep: ${(result.sweep.ms / 1000).toFixed(1)} s, piek ${result.sweep.peakRssMb} MB (${result.sweep.summary})`);
    }
    if (options.purge) {
      await settle();
      await release();
      result.purge = await timePurge(env);
      const { dryRun, first, daily } = result.purge;
      log(`opschoning: proefrun ${dryRun.ms} ms, eerste run ${first.ms} ms (${first.cases} casussen), dagelijkse run ${daily.ms} ms`);
    }
  } finally {
    await restoreSearchLimit(await reopen(), fixtures.accounts.regisseur.userId);
    await db?.close();
  }
  result.machine.loadAverageAtEnd = os.loadavg();
  return result;
}
