import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cleanEnv, waitFor } from './tools';

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

export function instance(name: 'a' | 'b', port: number, env: Record<string, string>, dir: string) {
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
