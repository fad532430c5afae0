import { eq, sql } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import type { Executor } from '@/db/types';
import { audit, type AuditEntry } from '@/lib/audit/record';
import { signInSchema } from './sign-in-schema';
import { verifyAgainstDummy, verifyPassword } from './password';
import { createSession, type SessionClaims } from './sessions';

export type SignInResult = { ok: true; claims: SessionClaims } | { ok: false };

/**
 * Checks email and password. Every failure looks the same from outside (unknown email, wrong
 * password, inactive account), and costs the same time.
 */
export async function signInWithPassword(
  db: Executor,
  input: unknown,
  meta: { ip?: string | null; userAgent?: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { email, password } = parsed.data;
  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      active: users.active,
      sessionVersion: users.sessionVersion,
      organisationActive: organisations.active,
      organisationId: users.organisationId,
      role: users.role,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sql`lower(${users.email})`, email));

  if (!user) {
    await verifyAgainstDummy(password);
    await audit(db, { userId: null, organisationId: null, role: null, ...meta }, failed('unknown-account'));
    return { ok: false };
  }
  const who = { userId: user.id, organisationId: user.organisationId, role: user.role, ...meta };
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || !user.active || !user.organisationActive) {
    await audit(db, who, failed(!valid ? 'wrong-password' : 'inactive'));
    return { ok: false };
  }

  const sessionId = await createSession(db, user.id, meta);
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  await audit(db, who, { action: 'sign-in', entity: 'session', entityId: sessionId });
  return { ok: true, claims: { userId: user.id, sessionId, sessionVersion: user.sessionVersion } };
}

function failed(reason: 'unknown-account' | 'wrong-password' | 'inactive'): AuditEntry {
  return { action: 'sign-in-failed', entity: 'session', outcome: 'denied', details: { reason } };
}
