import { z } from '@/lib/validation/zod';

/* The answer of /api/health and /api/ready, defined once: the routes check what they send against it and the OpenAPI document renders it. */

export const healthResponse = z
  .object({
    status: z
      .enum(['ok', 'database-unavailable', 'shutting-down', 'starting', 'self-check-failed'])
      .describe("On /api/ready: 'starting' while the start-up checks wait for the database, 'self-check-failed' when they found a problem (in the log)"),
    database: z
      .union([
        z.object({ ok: z.literal(true), ms: z.number().int().describe('How long the check query took') }),
        z.object({
          ok: z.literal(false),
          kind: z.enum(['db_unavailable', 'pool_timeout', 'statement_timeout', 'error']).describe('What kept the database from answering'),
          code: z.string().optional().describe("The driver's or PostgreSQL's error code, e.g. ECONNREFUSED or 57P01"),
        }),
      ])
      .optional()
      .describe('Only on /api/ready: the check on a connection of its own'),
    pool: z
      .object({ size: z.number().int(), idle: z.number().int(), waiting: z.number().int(), max: z.number().int() })
      .optional()
      .describe("Only on /api/ready with PostgreSQL: the app's connection pool; requests waiting for it do not make the instance unready"),
  })
  .meta({ id: 'Health' });

export type HealthAnswer = z.infer<typeof healthResponse>;
