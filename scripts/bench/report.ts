import { ENDPOINT_LABELS, type EndpointName } from './endpoint-names';
import type { CpuPerAnswer } from './cpu-time';
import type { PurgeRun, PurgeTiming } from './purge-timer';
import type { LatencyStats } from './stats';

export type Target = 'app' | 'floor' | 'sql';

export interface Measurement extends LatencyStats {
  endpoint: EndpointName;
  target: Target;
  connections: number;
  /** Seconds measured: the asked duration, longer for a slow endpoint (see durationFor in run.ts). */
  durationS: number;
  /** CPU per answer by process, from the kernel's accounting (./cpu-time.ts); absent in older reports. */
  cpu?: CpuPerAnswer;
}

export interface BenchResult {
  startedAt: string;
  label: string | null;
  database: { kind: 'postgres' | 'pglite'; cases: number };
  machine: { cpus: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[]; node: string };
  commit: string | null;
  options: { connections: number[]; durationS: number; warmupS: number };
  measurements: Measurement[];
  memory: { appPeakRssMb: number | null; floorPeakRssMb: number | null };
  sweep: { ms: number; peakRssMb: number; summary: string } | null;
  /** Round trips per request, from the app's own statement log (scripts/bench/capture.ts): the app's and the floor's. */
  statements?: Partial<Record<EndpointName, { app: number; floor: number }>>;
  /** Only with --purge. */
  purge?: PurgeTiming | null;
}

/** Budgets of issue 7 (2 cores, 200,000 cases, PostgreSQL, 10 connections): checked, not enforced. */
const BUDGET = { readP95: 100, dashboardP95: 150, logP95: 50, ratioP50: 2, sweepMs: 15_000, memoryMb: 512, connections: 10, firstPurgeMs: 300_000 };

const purgeLine = (label: string, run: PurgeRun) =>
  `${label} ${(run.ms / 1000).toFixed(1)} s, piekgeheugen ${run.peakRssMb} MB (${run.cases} casussen, ${run.auditEntries} auditregels)`;

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));

function find(result: BenchResult, endpoint: EndpointName, target: Target, connections: number) {
  return result.measurements.find((m) => m.endpoint === endpoint && m.target === target && m.connections === connections);
}

/** app p50 ÷ floor p50: what the framework, the session and row-level security cost on top of the work. */
export function ratio(result: BenchResult, endpoint: EndpointName, connections: number): number | undefined {
  const app = find(result, endpoint, 'app', connections);
  const floor = find(result, endpoint, 'floor', connections);
  return app && floor && floor.p50 > 0 ? Math.round((app.p50 / floor.p50) * 100) / 100 : undefined;
}

export function toMarkdown(result: BenchResult): string {
  const lines: string[] = [];
  lines.push(`# Benchmark ${result.startedAt}${result.label ? ` — ${result.label}` : ''}`);
  lines.push('');
  lines.push(
    `${result.database.kind === 'postgres' ? 'PostgreSQL-server' : 'Embedded PGlite'}, ${result.database.cases.toLocaleString('nl-NL')} casussen; ` +
      `${result.machine.cpus} cores, load ${result.machine.loadAverageAtStart.map((l) => l.toFixed(1)).join('/')} bij de start; ` +
      `Node ${result.machine.node}; ${result.options.durationS} s per meting (langer voor trage endpoints: elke verbinding ` +
      `krijgt ~3 antwoorden, hoogstens 120 s) na ${result.options.warmupS} s opwarmen` +
      `${result.commit ? `; commit ${result.commit.slice(0, 10)}` : ''}.`,
  );
  lines.push('');
  lines.push('Latentie in ms (p50 / p95 / p99), doorvoer in verzoeken per seconde. app = productieserver via HTTP; ' +
    'floor = node:http met de SQL die de app voor hetzelfde verzoek stuurde (uit haar eigen statementlog) op dezelfde database (pg-pool, of PGlite), zonder framework, sessie of RLS; sql = alleen die SQL.');
  lines.push('');
  lines.push('| endpoint | verb. | app p50 / p95 / p99 | app req/s | floor p50 / p95 / p99 | floor req/s | sql p50 / p95 / p99 | sql req/s | app ÷ floor (p50) | fouten |');
  lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  const endpoints = [...new Set(result.measurements.map((m) => m.endpoint))];
  for (const endpoint of endpoints) {
    for (const c of result.options.connections) {
      const cell = (t: Target) => {
        const m = find(result, endpoint, t, c);
        return m ? [`${fmt(m.p50)} / ${fmt(m.p95)} / ${fmt(m.p99)}`, fmt(m.throughput)] : ['–', '–'];
      };
      const errors = (['app', 'floor', 'sql'] as Target[]).map((t) => find(result, endpoint, t, c)?.errors ?? 0).reduce((a, b) => a + b, 0);
      lines.push(`| ${ENDPOINT_LABELS[endpoint]} | ${c} | ${cell('app').join(' | ')} | ${cell('floor').join(' | ')} | ${cell('sql').join(' | ')} | ${fmt(ratio(result, endpoint, c))} | ${errors || ''} |`);
    }
  }
  lines.push('');
  lines.push(...statementLines(result));
  lines.push(...cpuLines(result));
  lines.push(`Piekgeheugen (RSS): app-server ${result.memory.appPeakRssMb ?? '–'} MB, floor-server ${result.memory.floorPeakRssMb ?? '–'} MB.`);
  if (result.sweep) {
    lines.push(`Volledige stagnatiesweep: ${(result.sweep.ms / 1000).toFixed(1)} s, piekgeheugen ${result.sweep.peakRssMb} MB (${result.sweep.summary}).`);
  }
  if (result.purge) {
    const { dryRun, first, daily } = result.purge;
    lines.push(`Bewaartermijnen (npm run purge): ${purgeLine('proefrun', dryRun)}; ${purgeLine('eerste run', first)}; ${purgeLine('dagelijkse run', daily)}.`);
  }
  lines.push('');
  lines.push(...budgetLines(result));
  return `${lines.join('\n')}\n`;
}

/** Statements per request: what the app sends to the database for one request, and what the floor replays of it. */
function statementLines(result: BenchResult): string[] {
  const entries = Object.entries(result.statements ?? {}) as [EndpointName, { app: number; floor: number }][];
  if (!entries.length) return [];
  const out = ['Statements per verzoek (rondes naar de database; floor = dezelfde SQL van de app met eigen BEGIN en COMMIT, zonder sessiecontrole en rolwissel):', '',
    '| endpoint | app | floor |', '|---|--:|--:|'];
  for (const [endpoint, n] of entries) out.push(`| ${ENDPOINT_LABELS[endpoint]} | ${n.app} | ${n.floor} |`);
  out.push('');
  return out;
}

/**
 * CPU per answer by process at 10 connections (the budgets' concurrency): where server, PostgreSQL and the
 * load generator share the cores, their sum sets the throughput, and with it the latency of a closed loop.
 */
function cpuLines(result: BenchResult): string[] {
  const rows = result.measurements.filter((m) => m.cpu && m.connections === BUDGET.connections);
  if (!rows.length) return [];
  const out = [`CPU per antwoord in ms bij ${BUDGET.connections} verbindingen (kernelboekhouding, /proc): de gemeten server, alle PostgreSQL-processen, ` +
    'het benchproces zelf (belastinggenerator; bij sql ook de driver). Deelt alles de cores, dan is hun som ÷ cores de tijd per antwoord bij volle doorvoer.', '',
    '| endpoint | doel | server | PostgreSQL | bench | som | machine bezet |', '|---|---|--:|--:|--:|--:|--:|'];
  for (const m of rows) {
    const cpu = m.cpu!;
    const sum = (cpu.serverMs ?? 0) + (cpu.postgresMs ?? 0) + cpu.benchMs;
    out.push(`| ${ENDPOINT_LABELS[m.endpoint]} | ${m.target} | ${fmt(cpu.serverMs ?? undefined)} | ${fmt(cpu.postgresMs ?? undefined)} | ${fmt(cpu.benchMs)} | ${fmt(sum)} | ${cpu.machineBusyPercent} % |`);
  }
  out.push('');
  return out;
}

/** The budgets of issue 7 item 3 against this run (meaningful on PostgreSQL with 200,000 cases). */
function budgetLines(result: BenchResult): string[] {
  const c = BUDGET.connections;
  if (!result.options.connections.includes(c)) return [];
  const out = [`## Budgetten (${c} verbindingen; bedoeld voor PostgreSQL met 200.000 casussen)`, ''];
  const mark = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? 'binnen' : '**over**');
  for (const endpoint of [...new Set(result.measurements.map((m) => m.endpoint))]) {
    const app = find(result, endpoint, 'app', c);
    const limit = endpoint === 'dashboard' ? BUDGET.dashboardP95 : endpoint === 'log-progress' ? BUDGET.logP95 : BUDGET.readP95;
    const r = ratio(result, endpoint, c);
    out.push(
      `- ${ENDPOINT_LABELS[endpoint]}: p95 ${fmt(app?.p95)} ms (budget < ${limit}): ${mark(app && !Number.isNaN(app.p95) ? app.p95 < limit : undefined)}; ` +
        `app ÷ floor ${fmt(r)} (budget ≤ ${BUDGET.ratioP50}): ${mark(r === undefined ? undefined : r <= BUDGET.ratioP50)}`,
    );
  }
  if (result.sweep) out.push(`- Sweep ${(result.sweep.ms / 1000).toFixed(1)} s (budget < 15 s): ${mark(result.sweep.ms < BUDGET.sweepMs)}`);
  if (result.purge) out.push(`- Eerste opschoning ${(result.purge.first.ms / 1000).toFixed(1)} s (budget < 5 min): ${mark(result.purge.first.ms < BUDGET.firstPurgeMs)}`);
  if (result.memory.appPeakRssMb !== null) {
    out.push(`- Geheugen app-server ${result.memory.appPeakRssMb} MB (budget < ${BUDGET.memoryMb} MB): ${mark(result.memory.appPeakRssMb < BUDGET.memoryMb)}`);
  }
  return out;
}
