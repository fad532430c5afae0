import { z } from 'zod';
import { ENDPOINT_NAMES } from './endpoint-names';

const list = <T extends z.ZodType>(item: T, flag: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
    z.array(item).min(1, `${flag} heeft minstens één waarde nodig`),
  );

/** `npm run bench` arguments, Dutch messages. */
export const benchOptionsSchema = z.strictObject({
  connections: list(z.coerce.number({ message: '--connections: gehele getallen, bijvoorbeeld 1,10,50' }).int().min(1).max(500), '--connections').default([1, 10, 50]),
  duration: z.coerce.number({ message: '--duration moet een aantal seconden zijn' }).min(1, '--duration moet minstens 1 seconde zijn').max(600).default(10),
  warmup: z.coerce.number({ message: '--warmup moet een aantal seconden zijn' }).min(0).max(60).default(2),
  only: list(z.enum(ENDPOINT_NAMES, { message: `--only: kies uit ${ENDPOINT_NAMES.join(', ')}` }), '--only').optional(),
  targets: list(z.enum(['app', 'floor', 'sql'], { message: '--targets: kies uit app, floor, sql' }), '--targets').default(['app', 'floor', 'sql']),
  port: z.coerce.number({ message: '--port moet een poortnummer zijn' }).int().min(1024).max(65535).default(3900),
  sweep: z.boolean().default(true),
  /** Times the retention job too (scripts/bench/purge-timer.ts): it removes personal data, so only when asked. */
  purge: z.boolean().default(false),
  label: z.string().trim().max(120, '--label mag hoogstens 120 tekens zijn').optional(),
});
export type BenchOptions = z.infer<typeof benchOptionsSchema>;

const FLAGS: Record<string, keyof BenchOptions> = {
  '--connections': 'connections',
  '--duration': 'duration',
  '--warmup': 'warmup',
  '--only': 'only',
  '--targets': 'targets',
  '--port': 'port',
  '--label': 'label',
};

export const BENCH_USAGE =
  'Gebruik: npm run bench -- [--connections 1,10,50] [--duration 10] [--warmup 2] [--only case-list,case-search] ' +
  '[--targets app,floor,sql] [--port 3900] [--no-sweep] [--purge] [--label tekst]';

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-sweep') {
      raw.sweep = false;
      continue;
    }
    if (arg === '--purge') {
      raw.purge = true;
      continue;
    }
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const key = FLAGS[flag];
    if (!key) throw new Error(`Onbekende optie ${arg}. ${BENCH_USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} mist een waarde.`);
    raw[key] = value;
  }
  const parsed = benchOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}
