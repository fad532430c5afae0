import type { DbHandle } from '@/db/types';
import { loadReferenceData } from '@/lib/reference/load';
import { runSweep, type SweepResult } from '@/lib/stagnation/sweep';
import { openBulkSession } from './bulk';
import { ensureDirectory } from './directory';
import { emitAgreements } from './emit-agreements';
import { emitAudit } from './emit-audit';
import { emitCase, type DiscussedItems } from './emit-cases';
import { emitMeetings } from './emit-meetings';
import { GENERATED_MARKER, readDatabaseState, refusalReason } from './guard';
import { Loader, TABLES, yieldToLoop, type TableName, type TableTiming } from './loader';
import { suspendChecks } from './deferred-checks';
import { suspendWriteTriggers } from './write-triggers';
import type { ScaleOptions } from './options';
import { DAY, planCases } from './plan-cases';
import { planMeetings } from './plan-meetings';
import { Random } from './random';

export class RefusedError extends Error {}

/** Cases generated between two yields to the event loop. */
const SLICE = 200;

export interface ScaleReport {
  cases: number;
  tables: Map<TableName, TableTiming>;
  /** Wall time per phase; making rows in Node and loading them overlap within a phase. */
  phases: { name: string; ms: number }[];
  /** Time spent in Node making rows (encryption, tokens and hashes included), within the phases. */
  generateMs: number;
  totalMs: number;
  sweep: SweepResult | null;
}

/**
 * Fills the database with `options.cases` realistic cases and everything around them, in one transaction
 * (all or nothing), loaded with COPY. Refuses a production-looking URL or a database with data it did not
 * generate itself, unless forced. Afterwards: VACUUM ANALYZE, and one stagnation sweep to raise the signals.
 */
export async function generateScaleData(
  handle: DbHandle,
  options: ScaleOptions,
  context: { databaseUrl?: string; now?: Date; log?: (line: string) => void } = {},
): Promise<ScaleReport> {
  const log = context.log ?? (() => {});
  const started = performance.now();
  const now = (context.now ?? new Date()).getTime();
  await loadReferenceData(handle.db);
  const session = await openBulkSession(handle);
  const loader = new Loader(session);
  let generateMs = 0;
  const phases: { name: string; ms: number }[] = [];
  let phaseStart = performance.now();
  const phase = (name: string) => {
    const t = performance.now();
    phases.push({ name, ms: t - phaseStart });
    phaseStart = t;
  };
  const timed = <T>(fn: () => T): T => {
    const t = performance.now();
    try {
      return fn();
    } finally {
      generateMs += performance.now() - t;
    }
  };
  try {
    const reason = refusalReason(await readDatabaseState(session), context.databaseUrl);
    if (reason && !options.force) throw new RefusedError(reason);
    await session.query('begin');
    const directory = await ensureDirectory(session);
    const restoreChecks = await suspendChecks(session, Object.keys(TABLES));
    const resumeTriggers = await suspendWriteTriggers(session);
    const rng = new Random(options.seed);
    const counters = await session.query<{ year: number; last: number }>('select year, last from case_number_counters');
    const lastNumber = new Map(counters.map((c) => [c.year, c.last]));
    const plans = timed(() => planCases(rng, directory, { cases: options.cases, years: options.years, now }, lastNumber));
    const meetings = timed(() => planMeetings(rng, plans, now));
    log(`${plans.length} casussen en ${meetings.length} overleggen gepland`);
    phase('organisaties en planning');
    await emitMeetings(rng, loader, meetings, directory, timed);
    await loader.flush();

    const discussed: DiscussedItems = new Map();
    for (let from = 0; from < plans.length; from += options.chunk) {
      const chunk = plans.slice(from, from + options.chunk);
      // Small slices with a yield between them keep the COPY of the previous chunk flowing meanwhile.
      for (let at = 0; at < chunk.length; at += SLICE) {
        const slice = chunk.slice(at, at + SLICE);
        timed(() => {
          for (const plan of slice) emitCase(rng, loader, plan, meetings, discussed);
          for (const plan of slice) emitAgreements(rng, loader, plan, discussed, now);
        });
        await yieldToLoop();
      }
      discussed.clear();
      await loader.flush();
      log(`  ${Math.min(from + options.chunk, plans.length)} / ${plans.length} casussen klaar`);
    }
    await loader.drain();
    phase('casussen, overleggen, afspraken');
    const start = now - options.years * 365.25 * DAY - DAY;
    const auditRows = await emitAudit(rng, session, loader, plans, directory, { perCase: options.auditPerCase, now, start, timed });
    log(`${auditRows} auditregels geladen`);
    phase('auditlog (met hashketen)');

    await restoreChecks();
    phase('indexen bouwen, sleutels valideren');
    await resumeTriggers();
    phase('dashboardtellingen opbouwen');
    await session.query(
      `insert into case_number_counters (year, last) select * from unnest($1::int[], $2::int[])
       on conflict (year) do update set last = greatest(case_number_counters.last, excluded.last)`,
      [[...lastNumber.keys()], [...lastNumber.values()]],
    );
    await session.query(
      `insert into settings (key, value) values ($1, $2::jsonb)
       on conflict (key) do update set value = jsonb_set(settings.value, '{runs}', (settings.value -> 'runs') || ($2::jsonb -> 'runs')),
         updated_at = now(), version = settings.version + 1`,
      [GENERATED_MARKER, JSON.stringify({ tool: 'npm run seed:scale', runs: [{ at: new Date(now).toISOString(), cases: options.cases, auditPerCase: options.auditPerCase, seed: options.seed, forced: options.force }] })],
    );
    await session.query('commit');
    phase('commit');
  } catch (error) {
    await session.query('rollback').catch(() => {});
    throw error;
  } finally {
    await session.release();
  }

  // VACUUM as well: it sets the visibility map, without which index-only scans (case list counts) still
  // read the table. A production database gets there through autovacuum; a fresh load has not yet.
  await handle.db.execute('vacuum (analyze)');
  phase('VACUUM ANALYZE');
  let sweep: SweepResult | null = null;
  if (options.sweep) {
    log('Stagnatiesweep over de gegenereerde gegevens…');
    sweep = await runSweep(handle.db, { now: new Date(now) });
    phase('eerste stagnatiesweep');
  }
  return { cases: options.cases, tables: loader.timings, phases, generateMs, totalMs: performance.now() - started, sweep };
}
