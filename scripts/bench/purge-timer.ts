import { startChild } from './child';
import type { BenchEnvironment } from './run';

export interface PurgeRun {
  ms: number;
  peakRssMb: number;
  /** Cases whose personal data went (or, in the dry run, would go). */
  cases: number;
  auditEntries: number;
}

export interface PurgeTiming {
  dryRun: PurgeRun;
  /** The first run over the whole history: every case past its term. */
  first: PurgeRun;
  /** The run right after it, as the daily schedule finds the house: next to nothing to do. */
  daily: PurgeRun;
}

async function purgeOnce(env: BenchEnvironment, args: string[]): Promise<PurgeRun> {
  const started = performance.now();
  const child = startChild('scripts/purge.ts', { ...env.serverEnv, DATABASE_URL: env.databaseUrl, PGLITE_DIR: env.pgliteDir }, [], args);
  const code = await new Promise<number | null>((resolve) => child.process.once('exit', resolve));
  const ms = performance.now() - started;
  const peakRssMb = child.peakRssMb();
  await child.stop();
  const output = child.output();
  if (code !== 0) throw new Error(`De opschoning${args.length ? ` (${args.join(' ')})` : ''} faalde (exitcode ${code}):\n${output}`);
  const cases = Number(/Persoonsgegevens van (\d+) casus/.exec(output)?.[1] ?? Number.NaN);
  const auditEntries = Number(/Auditregels ouder dan de termijn: (\d+)/.exec(output)?.[1] ?? Number.NaN);
  return { ms: Math.round(ms), peakRssMb, cases, auditEntries };
}

/**
 * The retention job as `npm run purge` (cron) runs it, each in its own process, timed from start to exit:
 * a dry run, the first real run (on a freshly generated database: ten years of history at once) and
 * the daily run after it. It removes personal data: only with `--purge`, on a database made for the bench.
 */
export async function timePurge(env: BenchEnvironment): Promise<PurgeTiming> {
  const dryRun = await purgeOnce(env, ['--dry-run']);
  const first = await purgeOnce(env, []);
  const daily = await purgeOnce(env, []);
  return { dryRun, first, daily };
}
