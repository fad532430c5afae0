import { eq, sql } from 'drizzle-orm';
import { users, userTotp } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import { signInWithCredentials } from '@/lib/auth/credentials';
import { resolveSession, type Actor } from '@/lib/auth/sessions';
import { TOTP_PERIOD_SECONDS, timeStep, totpCode } from '@/lib/auth/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRETS } from '@/lib/seed/demo-data';

/**
 * Signs a demo account in the way the app does (password and TOTP code in one request) and returns the
 * actor its requests would carry. A code works once, and tests sign in often: each call takes the first
 * time step after the last one used, and signs in at that moment.
 */
export async function signInAs(email: string): Promise<Actor> {
  const secret = DEMO_TOTP_SECRETS[email];
  if (!secret) throw new Error(`${email} is no demo account with a TOTP secret`);
  return asSystem(async (tx) => {
    const [factor] = await tx
      .select({ last: userTotp.lastUsedStep })
      .from(userTotp)
      .innerJoin(users, eq(users.id, userTotp.userId))
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    const step = Math.max(timeStep(new Date()), (factor?.last ?? 0) + 1);
    const at = new Date(step * TOTP_PERIOD_SECONDS * 1000 + 1000);
    const result = await signInWithCredentials(tx, { email, password: DEMO_PASSWORD, code: totpCode(secret, step) }, {}, at);
    if (!result.ok || result.stage !== 'verified') throw new Error(`demo sign-in failed for ${email}`);
    const actor = await resolveSession(tx, result.claims);
    if (!actor) throw new Error(`no session for ${email}`);
    return actor;
  });
}

/** Signs in demo accounts one after the other, each named by its address before the @: `{ regisseur, politie }`. */
export async function signInAll<const N extends string>(...names: N[]): Promise<Record<N, Actor>> {
  const actors = {} as Record<N, Actor>;
  for (const name of names) actors[name] = await signInAs(`${name}@example.org`);
  return actors;
}
