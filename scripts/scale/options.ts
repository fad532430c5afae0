import { z } from 'zod';

/** The arguments of `npm run seed:scale`, parsed with Dutch messages. */
export const scaleOptionsSchema = z.strictObject({
  cases: z.coerce
    .number({ message: '--cases moet een aantal zijn' })
    .int('--cases moet een geheel getal zijn')
    .min(1, '--cases moet minstens 1 zijn')
    .max(2_000_000, '--cases mag hoogstens 2.000.000 zijn'),
  auditPerCase: z.coerce
    .number({ message: '--audit-per-case moet een aantal zijn' })
    .int('--audit-per-case moet een geheel getal zijn')
    .min(0, '--audit-per-case mag niet negatief zijn')
    .max(500, '--audit-per-case mag hoogstens 500 zijn')
    .default(50),
  years: z.coerce
    .number({ message: '--years moet een aantal jaren zijn' })
    .int('--years moet een geheel getal zijn')
    .min(1, '--years moet minstens 1 zijn')
    .max(30, '--years mag hoogstens 30 zijn')
    .default(10),
  seed: z.coerce.number({ message: '--seed moet een getal zijn' }).int('--seed moet een geheel getal zijn').default(20260101),
  /** Cases per chunk: bounds memory and the size of one COPY. */
  chunk: z.coerce.number({ message: '--chunk moet een aantal zijn' }).int().min(100).max(50_000).default(5_000),
  force: z.boolean().default(false),
  sweep: z.boolean().default(true),
});
export type ScaleOptions = z.infer<typeof scaleOptionsSchema>;

const FLAGS: Record<string, keyof ScaleOptions> = {
  '--cases': 'cases',
  '--audit-per-case': 'auditPerCase',
  '--years': 'years',
  '--seed': 'seed',
  '--chunk': 'chunk',
};

/** argv (without node and the script) → options; an unknown or malformed flag throws a Dutch message. */
export function parseScaleArgs(argv: readonly string[]): ScaleOptions {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--force') raw.force = true;
    else if (arg === '--no-sweep') raw.sweep = false;
    else {
      const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
      const key = FLAGS[flag];
      if (!key) throw new Error(`Onbekende optie ${arg}. Gebruik: npm run seed:scale -- --cases N [--audit-per-case 50] [--years 10] [--seed 1] [--force] [--no-sweep]`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${flag} mist een waarde.`);
      raw[key] = value;
    }
  }
  if (raw.cases === undefined) throw new Error('Geef het aantal casussen op: npm run seed:scale -- --cases 2000');
  const parsed = scaleOptionsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}
