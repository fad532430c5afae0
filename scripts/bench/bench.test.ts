import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresSpent, withCpuTime } from './cpu-time';
import { floorOf, statementsPerRequest } from './capture';
import { parseBenchArgs } from './options';
import { ratio, toMarkdown, type BenchResult } from './report';
import { assertProductionBuild, BenchSetupError } from './run';
import { summarise } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles and counts only successes as throughput', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarise(latencies, 10, 10_000)).toMatchObject({ requests: 100, errors: 10, p50: 50, p95: 95, p99: 99, max: 100, throughput: 9 });
    expect(summarise([1, 2], 5, 1000, 0).throughput).toBe(2);
  });
});

describe('bench arguments', () => {
  it('has defaults and reads lists', () => {
    expect(parseBenchArgs([])).toMatchObject({ connections: [1, 10, 50], duration: 10, targets: ['app', 'floor', 'sql'], sweep: true });
    expect(parseBenchArgs([]).purge).toBe(false);
    expect(parseBenchArgs(['--purge']).purge).toBe(true);
    expect(parseBenchArgs(['--connections', '10', '--only=case-search,dashboard', '--no-sweep'])).toMatchObject({
      connections: [10], only: ['case-search', 'dashboard'], sweep: false,
    });
  });

  it('refuses what it does not know, in Dutch', () => {
    expect(() => parseBenchArgs(['--only', 'homepage'])).toThrow(/--only: kies uit case-list/);
    expect(() => parseBenchArgs(['--duration', '0'])).toThrow(/minstens 1 seconde/);
    expect(() => parseBenchArgs(['--turbo'])).toThrow(/Onbekende optie --turbo/);
  });
});

describe('the production build check', () => {
  it('tells how to make a build when there is none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
    expect(() => assertProductionBuild(dir)).toThrow(BenchSetupError);
    expect(() => assertProductionBuild(dir)).toThrow(/Maak eerst een productie-build: npm run build/);
    fs.writeFileSync(path.join(dir, 'BUILD_ID'), 'x');
    expect(() => assertProductionBuild(dir)).not.toThrow();
  });
});

describe('the report', () => {
  const m = (target: 'app' | 'floor' | 'sql', p50: number) => ({
    endpoint: 'case-list' as const, target, connections: 10, durationS: 10, requests: 100, errors: 0, p50, p95: p50 * 2, p99: p50 * 3, mean: p50, max: p50 * 4, throughput: 50,
  });
  const result: BenchResult = {
    startedAt: '2026-01-01T00:00:00.000Z', label: null, database: { kind: 'postgres', cases: 200000 },
    machine: { cpus: 2, loadAverageAtStart: [1, 1, 1], loadAverageAtEnd: [1, 1, 1], node: 'v24' }, commit: null,
    options: { connections: [10], durationS: 10, warmupS: 2 }, measurements: [m('app', 30), m('floor', 12), m('sql', 10)],
    memory: { appPeakRssMb: 400, floorPeakRssMb: 100 }, sweep: { ms: 9000, peakRssMb: 300, summary: 'x' },
    statements: { 'case-list': { app: 5, floor: 4 } },
  };

  it('divides app by floor at p50 and checks the budgets', () => {
    expect(ratio(result, 'case-list', 10)).toBe(2.5);
    const md = toMarkdown(result);
    expect(md).toContain('| Casuslijst met filter (regisseur) | 10 | 30.0 / 60.0 / 90.0 | 50.0 | 12.0 / 24.0 / 36.0 |');
    expect(md).toContain('app ÷ floor 2.5 (budget ≤ 2): **over**');
    expect(md).toContain('Sweep 9.0 s (budget < 15 s): binnen');
    expect(md).toContain('| Casuslijst met filter (regisseur) | 5 | 4 |');
  });
});

describe('the floor from the app\'s statement log', () => {
  const st = (text: string) => ({ text, params: [] });
  const request = [
    st("begin; select set_config('jit', 'off', true)"),
    st('with session_check as (select 1) select 1'),
    st('select id from cases where id = $1'),
    st('select audit_append($1)'),
    st('commit'),
  ];

  it('replays what the app sent minus transaction control, session check and role switch', () => {
    const other = [st('begin'), st("select set_config('role', $1, true), set_config('app.user_id', $2, true)"), st('select 2'), st('commit')];
    expect(floorOf(request).map((s) => s.text)).toEqual(['select id from cases where id = $1', 'select audit_append($1)']);
    expect(floorOf(other).map((s) => s.text)).toEqual(['select 2']);
  });

  it('counts statements per request for app and floor (the floor with its own begin and commit)', () => {
    expect(statementsPerRequest({ role: 'regisseur', userId: 'u', app: [request, request], floor: [floorOf(request), floorOf(request)] })).toEqual({ app: 5, floor: 4 });
  });
});

describe('CPU per answer', () => {
  // Burns `ms` of CPU time (not of wall time: on a busy machine that would be less CPU).
  function spin(ms: number) {
    const cpu = () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    };
    const until = cpu() + ms;
    while (cpu() < until);
  }

  it('charges a busy server process and the bench process with what they spent, per answer', async () => {
    // The server: a child that burns 400 ms of CPU while the measurement runs, and says when it is done
    // (waiting for that, not for a fixed time, keeps a busy machine from ending the measurement early).
    const child = spawn(process.execPath, ['-e', `(${spin.toString()})(400); console.log('done'); setTimeout(() => {}, 30000)`]);
    const done = new Promise((resolve) => child.stdout.on('data', resolve));
    await new Promise((resolve) => child.once('spawn', resolve));
    try {
      const measured = await withCpuTime(child.pid!, async () => {
        spin(200);
        await done;
        return summarise([1, 1], 0, 1000);
      });
      // Two answers: the child's ~400 ms and the bench's ~200 ms are halved (clock ticks are 10 ms).
      expect(measured.cpu.serverMs).toBeGreaterThan(150);
      expect(measured.cpu.serverMs).toBeLessThan(350);
      expect(measured.cpu.benchMs).toBeGreaterThan(80);
      expect(measured.cpu.machineBusyPercent).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  });

  it('counts a backend that started in between whole, and one that ended in between not against the sum', () => {
    const before = new Map([['100', 5_000], ['200', 40]]);
    const after = new Map([['200', 55], ['300', 7]]);
    // 100 (a pool closed by the measurement before) is gone; 200 spent 15; 300 is new and spent 7.
    expect(postgresSpent(before, after)).toBe(22);
    // 200's number taken by a new process with fewer ticks than the old one had: the new one counts whole.
    expect(postgresSpent(new Map([['200', 900]]), new Map([['200', 12]]))).toBe(12);
  });

  it('has no server figure for the SQL alone, which runs in the bench process', async () => {
    const measured = await withCpuTime(null, async () => summarise([1], 0, 1000));
    expect(measured.cpu.serverMs).toBeNull();
  });
});
