import { organisationDomain, userRole } from '@/db/schema';
import type { getProfile } from '@/lib/profile/profile';
import { z } from '@/lib/validation/zod';
import type { Same, Returned } from './type-match';

/*
 * Response bodies, for the OpenAPI document only (responses are not parsed at run time). The type
 * checks at the bottom tie each schema to what the lib function returns after JSON serialisation, so
 * a field added to or removed from a view breaks the build until the document says so too.
 */

const id = z.uuid();

export const healthResponse = z.object({
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
}).meta({ id: 'Health' });

export const profileResponse = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(userRole.enumValues),
  locale: z.string(),
  version: z.int(),
  organisation: z.object({ id, name: z.string(), domain: z.enum(organisationDomain.enumValues) }),
}).meta({ id: 'Profile' });

// ---- Compile-time checks: each schema equals the lib's return type as JSON (dates become strings).

export const RESPONSE_TYPES_MATCH: [
  Same<Returned<typeof getProfile>, z.output<typeof profileResponse>>,
] = [true];
