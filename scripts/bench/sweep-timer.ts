import { startChild } from './child';
import type { BenchEnvironment } from './run';

/**
 * A full stagnation sweep over the whole data set, as `npm run sweep` (cron) runs it: its own process,
 * timed from start to exit, with its peak memory. The in-server schedule runs the same function.
 */
export async function timeSweep(env: BenchEnvironment): Promise<{ ms: number; peakRssMb: number; summary: string }> {
  const started = performance.now();
  const child = startChild('scripts/sweep.ts', { ...env.serverEnv, DATABASE_URL: env.databaseUrl, PGLITE_DIR: env.pgliteDir, SMTP_URL: undefined });
  const code = await new Promise<number | null>((resolve) => child.process.once('exit', resolve));
  const ms = performance.now() - started;
  const peakRssMb = child.peakRssMb();
  await child.stop();
  if (code !== 0) throw new Error(`De sweep faalde (exitcode ${code}):\n${child.output()}`);
  const line = child.output().split('\n').find((l) => l.startsWith('Sweep:')) ?? '';
  return { ms: Math.round(ms), peakRssMb, summary: line.replace(/^Sweep: /, '').trim() };
}
