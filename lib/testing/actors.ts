import { asSystem } from '@/db/transaction';
import { signInWithPassword } from '@/lib/auth/credentials';
import { resolveSession, type Actor } from '@/lib/auth/sessions';
import { DEMO_PASSWORD } from '@/lib/seed/demo-data';

/** Signs a demo account in the way the app does and returns the actor its requests would carry. */
export async function signInAs(email: string): Promise<Actor> {
  return asSystem(async (tx) => {
    const result = await signInWithPassword(tx, { email, password: DEMO_PASSWORD }, {});
    if (!result.ok) throw new Error(`demo sign-in failed for ${email}`);
    const actor = await resolveSession(tx, result.claims);
    if (!actor) throw new Error(`no session for ${email}`);
    return actor;
  });
}
