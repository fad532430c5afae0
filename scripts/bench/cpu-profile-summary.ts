/*
 * `npx tsx scripts/bench/cpu-profile-summary.ts <file.cpuprofile> [top] [--inclusive]`: a V8 CPU profile
 * (BENCH_CPU_PROF_DIR, scripts/bench/run.ts) summed by self time per function, as docs/performance.md quotes
 * it: how busy the process was, and which functions took that time. With --inclusive a function's time
 * includes what it called: which of the request's steps is the expensive one.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const inclusive = process.argv.includes('--inclusive');
const [file, top = '30'] = process.argv.slice(2).filter((arg) => arg !== '--inclusive');
if (!file) throw new Error('usage: cpu-profile-summary.ts <file.cpuprofile> [top] [--inclusive]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const nameOf = (frame: ProfileNode['callFrame']) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber}`;
/** The sampled function, or with --inclusive every function on its stack (once, however deep it recursed). */
function namesOf(id: number): string[] {
  if (!inclusive) return [nameOf(nodes.get(id)!.callFrame)];
  const names = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) names.add(nameOf(nodes.get(at)!.callFrame));
  return [...names];
}
const selfTime = new Map<string, number>();
let total = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  const frame = nodes.get(id)!.callFrame;
  total += delta;
  if (frame.functionName === '(idle)') {
    idle += delta;
    return;
  }
  for (const name of namesOf(id)) selfTime.set(name, (selfTime.get(name) ?? 0) + delta);
});
const busy = total - idle;
console.log(`busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s profiled`);
for (const [name, time] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  console.log(`${((100 * time) / busy).toFixed(1).padStart(5)} %  ${name}`);
}
