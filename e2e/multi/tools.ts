/** What the multi-instance cluster's start-up pieces (cluster.ts and those beside it) share: tools, ports, templates. */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const TEMPLATES = path.join(process.cwd(), 'scripts/multi-instance');
export const PASSWORD = 'multi-instance-only-0123456789';

export const isRoot = process.getuid?.() === 0;

export function pgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin/initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

export function which(command: string): string | undefined {
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

export function runAsPostgres(command: string, args: string[]) {
  const [cmd, full] = asPostgres(command, args);
  execFileSync(cmd, full, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function render(template: string, values: Record<string, string>): string {
  return fs.readFileSync(path.join(TEMPLATES, template), 'utf8').replace(/@([A-Z_]+)@/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`${template}: no value for @${name}@`);
    return values[name]!;
  });
}

export async function waitFor<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
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

/** The server logs and the configuration stay with the test results, for reading after a failure. */
export function keepLogs(dir: string) {
  const target = path.join(process.cwd(), 'test-results', 'multi-instance');
  fs.mkdirSync(target, { recursive: true });
  for (const file of fs.readdirSync(dir)) {
    if (/\.(log|ini|cfg)$/.test(file)) fs.copyFileSync(path.join(dir, file), path.join(target, file));
  }
}

export async function runScript(args: string[], env: Record<string, string>, logFile: string) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...cleanEnv(), ...env }, stdio: ['ignore', out, out] });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}:\n${fs.readFileSync(logFile, 'utf8')}`);
}

/** The test runner's environment without what would point an instance at another database. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'PGLITE_DIR', 'TEST_DATABASE_URL', 'SMTP_URL', 'PORT', 'NEXTAUTH_URL']) delete env[name];
  return env;
}
