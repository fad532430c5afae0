import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { LatencyStats } from './stats';

/*
 * Where a measurement's CPU went, from the kernel's own accounting (utime + stime of /proc/<pid>/stat, every
 * thread): the server measured, every PostgreSQL process on this machine, and the bench process itself (the
 * load generator; for the SQL alone also the driver), per answer. Where the three share the machine's cores,
 * a closed loop of N connections waits on their sum: N requests in flight cost N × that sum ÷ cores, however
 * fast each part would be alone. A CPU profile cannot show this: a thread that is preempted while it wakes
 * PostgreSQL is counted there as busy in the system call it was in.
 */

export interface CpuPerAnswer {
  /** The measured server (app or floor); null for the SQL alone, which runs in the bench process. */
  serverMs: number | null;
  /** null when no PostgreSQL process is visible here (a server in another container or on another host). */
  postgresMs: number | null;
  /** The bench process: autocannon, or the SQL driver for the SQL alone. */
  benchMs: number;
  /** Share of all cores busy (user, system, interrupts) over the measurement. */
  machineBusyPercent: number;
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of a process in clock ticks, and its command name; null when it is gone or unreadable. */
function processTicks(pid: number | string): { comm: string; ticks: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    // Fields after the command name start at field 3 (state); utime and stime are fields 14 and 15.
    const fields = stat.slice(close + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** Per PostgreSQL process (postmaster, backends, background workers): its ticks so far. */
function postgresTicks(): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const found = processTicks(entry);
    if (found?.comm === 'postgres') ticks.set(entry, found.ticks);
  }
  return ticks;
}

/**
 * What the PostgreSQL processes spent between two snapshots. Per process: a backend that started in between
 * counts whole, one that ended in between (a pool closed by the measurement before) drops out instead of
 * taking its whole life off the sum.
 */
export function postgresSpent(before: Map<string, number>, after: Map<string, number>): number {
  let sum = 0;
  for (const [pid, ticks] of after) {
    const earlier = before.get(pid) ?? 0;
    // Fewer ticks than before: the number was taken by a new process, which counts whole.
    sum += ticks >= earlier ? ticks - earlier : ticks;
  }
  return sum;
}

/** Busy and total ticks of all cores together (the first line of /proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, total: busy + idle! + iowait! };
}

interface Snapshot {
  server: number | null;
  postgres: Map<string, number>;
  bench: number;
  machine: { busy: number; total: number };
}

function snapshot(serverPid: number | null): Snapshot {
  const usage = process.cpuUsage();
  return {
    server: serverPid === null ? null : (processTicks(serverPid)?.ticks ?? null),
    postgres: postgresTicks(),
    bench: ((usage.user + usage.system) / 1e6) * clockTicks(),
    machine: machineTicks(),
  };
}

/** Runs one measurement and adds the CPU each part spent per answer. */
export async function withCpuTime<T extends LatencyStats>(serverPid: number | null, run: () => Promise<T>): Promise<T & { cpu: CpuPerAnswer }> {
  const before = snapshot(serverPid);
  const stats = await run();
  const after = snapshot(serverPid);
  const answers = Math.max(1, stats.requests);
  const perAnswer = (ticks: number) => Math.round(((ticks / clockTicks()) * 1000 * 100) / answers) / 100;
  const machineTotal = after.machine.total - before.machine.total;
  return {
    ...stats,
    cpu: {
      serverMs: before.server === null || after.server === null ? null : perAnswer(after.server - before.server),
      postgresMs: after.postgres.size === 0 ? null : perAnswer(postgresSpent(before.postgres, after.postgres)),
      benchMs: perAnswer(after.bench - before.bench),
      machineBusyPercent: machineTotal > 0 ? Math.round((100 * (after.machine.busy - before.machine.busy)) / machineTotal) : 0,
    },
  };
}
