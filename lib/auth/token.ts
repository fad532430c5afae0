import { z } from 'zod';
import type { SessionClaims } from './sessions';

const tokenClaims = z.object({ sub: z.uuid(), sid: z.uuid(), sv: z.number().int() });

export function claimsFromToken(token: unknown): SessionClaims | null {
  const parsed = tokenClaims.safeParse(token);
  return parsed.success ? { userId: parsed.data.sub, sessionId: parsed.data.sid, sessionVersion: parsed.data.sv } : null;
}
