import { eq, sql } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import type { Executor } from '@/db/types';
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
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sql`lower(${users.email})`, email));

  if (!user) return verifyAgainstDummy(password).then(() => ({ ok: false }));
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || !user.active || !user.organisationActive) return { ok: false };

  const sessionId = await createSession(db, user.id, meta);
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  return { ok: true, claims: { userId: user.id, sessionId, sessionVersion: user.sessionVersion } };
}
