import { z } from '@/lib/validation/zod';
import type { SessionClaims } from './sessions';

// The app's z: a session version past PostgreSQL's integer is no session, not a database error (22003).
const tokenClaims = z.object({ sub: z.uuid(), sid: z.uuid(), sv: z.number().int() });

export function claimsFromToken(token: unknown): SessionClaims | null {
  const parsed = tokenClaims.safeParse(token);
  return parsed.success ? { userId: parsed.data.sub, sessionId: parsed.data.sid, sessionVersion: parsed.data.sv } : null;
}
