import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A server the bench started: its output (for errors), its memory, and a clean stop. */
export interface Child {
  process: ChildProcess;
  output(): string;
  /** Highest resident set size seen (VmHWM, kB → MB) while it ran. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

function readKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The node flags of `npm start` (package.json), so that the bench measures the server as it runs in
 * production, heap limit included.
 */
export function startScriptNodeArgs(): string[] {
  const start: string = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')).scripts.start;
  const words = start.split(/\s+/);
  return words.slice(1).filter((word) => word.startsWith('--max-old-space-size=') || word.startsWith('--max-semi-space-size='));
}

/** Starts `node --import tsx <script>` with the environment given; nothing is inherited but PATH and HOME. */
export function startChild(script: string, env: Record<string, string | undefined>, nodeArgs: string[] = [], scriptArgs: string[] = []): Child {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...scriptArgs], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let peakKb = 0;
  // The kernel keeps the high-water mark itself; polling it catches the peak up to the last poll before exit.
  const sampler = setInterval(() => {
    const hwm = readKb(child.pid!, 'VmHWM');
    if (hwm !== null) peakKb = Math.max(peakKb, hwm);
  }, 250);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output: () => output,
    peakRssMb: () => Math.round(Math.max(peakKb, readKb(child.pid!, 'VmHWM') ?? 0) / 1024),
    async stop() {
      const hwm = readKb(child.pid!, 'VmHWM');
      if (hwm !== null) peakKb = Math.max(peakKb, hwm);
      clearInterval(sampler);
      if (child.exitCode === null) child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** Polls `url` until it answers 200; fails with the child's output when it dies or takes too long. */
export async function waitUntilReady(child: Child, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`De server stopte bij het starten:\n${child.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`De server werd niet binnen ${timeoutMs / 1000} s gereed (${url}):\n${child.output()}`);
}
