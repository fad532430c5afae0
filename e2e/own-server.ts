import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface OwnServer {
  /** Everything the server printed so far (the canary test reads it). */
  log(): string;
  /** Stops the server and keeps its log beside its data for reading after a failure. */
  stop(): Promise<void>;
}

/**
 * A production server of its own for suites that need a prepared database or their own settings, next to
 * the shared one Playwright starts. Resolves once /api/ready answers.
 */
export async function startOwnServer(options: { port: number; dataDir: string; env: Record<string, string> }): Promise<OwnServer> {
  const base = `http://127.0.0.1:${options.port}`;
  let output = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env: {
      ...process.env,
      PORT: String(options.port),
      HOSTNAME: '127.0.0.1',
      NEXTAUTH_URL: base,
      PGLITE_DIR: `${options.dataDir}/pglite`,
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const handle: OwnServer = {
    log: () => output,
    async stop() {
      fs.writeFileSync(`${options.dataDir}/server.log`, output);
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return handle;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  await handle.stop();
  throw new Error(`server on port ${options.port} did not start:\n${output}`);
}
