import { z } from 'zod';
import { key32, parseKeyList } from '@/lib/crypto/key-list';
import { render } from '@/lib/errors';

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), {
    message: 'moet een PostgreSQL-URL zijn (postgres://gebruiker:wachtwoord@host:5432/database)',
  });

const cronExpression = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4,5}\S+$/, { message: "moet een cron-expressie zijn, bijvoorbeeld '*/15 * * * *'" });

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: postgresUrl.optional(),
    // LISTEN needs a session of its own: behind PgBouncer in transaction mode, point this straight at PostgreSQL.
    DATABASE_LISTEN_URL: postgresUrl.optional(),
    // Readiness (/api/ready) on a pool of its own: behind PgBouncer another database entry (docs/operations.md).
    DATABASE_READY_URL: postgresUrl.optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    // Bounds on every wait for the database (db/timeouts.ts): the app's requests, and scripts and scheduled jobs.
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
      .number({ message: 'moet een aantal milliseconden zijn' })
      .int()
      .min(100, 'moet minstens 100 ms zijn')
      .max(600_000, 'mag hoogstens 600000 ms (10 minuten) zijn')
      .default(5_000),
    DATABASE_JOB_STATEMENT_TIMEOUT_MS: z.coerce
      .number({ message: 'moet een aantal milliseconden zijn (0: geen grens)' })
      .int()
      .min(0, 'mag niet negatief zijn (0: geen grens)')
      .max(86_400_000, 'mag hoogstens 86400000 ms (een dag) zijn')
      .default(900_000),
    PGLITE_DIR: z.string().trim().min(1).default('.data/pglite'),
    AUTH_SECRET: z.string().min(32, 'moet minstens 32 tekens lang zijn').optional(),
    // Field encryption (lib/crypto): "id:base64,…", the first key encrypts; the search key makes name tokens.
    FIELD_KEYS: z.string().trim().min(1).optional(),
    FIELD_SEARCH_KEY: z.string().trim().min(1).optional(),
    NEXTAUTH_URL: z.url({ message: 'moet een volledige URL zijn, bijvoorbeeld https://casusregie.example.nl' }).optional(),
    PORT: z.coerce.number({ message: 'moet een poortnummer zijn' }).int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().trim().min(1).default('0.0.0.0'),
    // Longer than a load balancer's check interval (commonly 5 s): it must see /api/ready answer 503 before
    // the server stops accepting connections, or it keeps sending requests that are refused.
    SHUTDOWN_DRAIN_MS: z.coerce.number({ message: 'moet een aantal milliseconden zijn' }).int().min(0).max(60000).default(6000),
    TRUSTED_PROXIES: z.coerce
      .number({ message: 'moet een aantal zijn (0 zonder reverse proxy)' })
      .int()
      .min(0)
      .max(5)
      .default(0),
    // Outgoing mail (lib/notify): without SMTP_URL mail stays in the outbox (Beheer → Mailbox).
    SMTP_URL: z
      .string()
      .trim()
      .refine((v) => /^smtps?:\/\/.+/.test(v), { message: 'moet een smtp:// of smtps:// URL zijn' })
      .optional(),
    MAIL_FROM: z.email({ message: 'moet een e-mailadres zijn, bijvoorbeeld casusregie@veiligheidshuis.example.nl' }).optional(),
    // GET /api/metrics answers only with this bearer token; without it the endpoint does not exist (404).
    METRICS_TOKEN: z.string().trim().min(24, 'moet minstens 24 tekens lang zijn').optional(),
    // The scheduled jobs' cron expressions on PostgreSQL (lib/jobs/queues.ts), e.g. a faster sweep for a test.
    JOBS_CRON_SWEEP: cronExpression.optional(),
    JOBS_CRON_MAIL: cronExpression.optional(),
    JOBS_CRON_RETENTION: cronExpression.optional(),
    DEMO_DATA: z
      .enum(['auto', 'on', 'off'], { message: "moet 'auto', 'on' of 'off' zijn" })
      .default('auto'),
  })
  .superRefine((env, ctx) => {
    // Mail from casusregie@localhost is refused or lost by real mail servers: without MAIL_FROM the sender
    // comes from NEXTAUTH_URL's host (lib/notify/sender.ts), which must then be a full domain name.
    if (env.SMTP_URL && !env.MAIL_FROM && !isFullyQualified(env.NEXTAUTH_URL)) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message:
          'is verplicht met SMTP_URL zolang NEXTAUTH_URL geen volledige domeinnaam heeft ' +
          '(bijvoorbeeld MAIL_FROM=casusregie@veiligheidshuis.example.nl, of NEXTAUTH_URL=https://casusregie.example.nl)',
      });
    }
    if (env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'is verplicht met DATABASE_URL (genereer er een met: openssl rand -base64 48)',
      });
    }
    if (env.DATABASE_URL && !env.FIELD_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['FIELD_KEYS'],
        message: 'is verplicht met DATABASE_URL (bijvoorbeeld: k1:$(openssl rand -base64 32))',
      });
    }
    if (env.FIELD_KEYS) {
      try {
        parseKeyList(env.FIELD_KEYS);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['FIELD_KEYS'], message: (error as Error).message.replace(/^FIELD_KEYS: /, '') });
      }
    }
    if (env.FIELD_SEARCH_KEY && !key32.safeParse(env.FIELD_SEARCH_KEY).success) {
      ctx.addIssue({ code: 'custom', path: ['FIELD_SEARCH_KEY'], message: 'moet 32 bytes zijn, base64 (genereer met: openssl rand -base64 32)' });
    }
    if (env.FIELD_KEYS && !env.FIELD_SEARCH_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['FIELD_SEARCH_KEY'],
        message: 'is verplicht met FIELD_KEYS (genereer er een met: openssl rand -base64 32)',
      });
    }
  });

/** A host with a dot that is not an IP address: something a mail server can look up. */
function isFullyQualified(url: string | undefined): boolean {
  if (!url) return false;
  const host = new URL(url).hostname;
  return host.includes('.') && !/^[\d.]+$/.test(host) && !host.startsWith('[');
}

export type Env = z.infer<typeof envSchema>;

/** Parses the environment; on failure the message names every variable that is missing or malformed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(omgeving)'}: ${render(issue.message)}`);
  throw new Error(`Ongeldige configuratie in de omgevingsvariabelen:\n${lines.join('\n')}`);
}
