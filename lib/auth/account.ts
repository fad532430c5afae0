import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Executor } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import { fieldErrorsOf, z, type FieldErrors } from '@/lib/validation/zod';
import { hashPassword, verifyPassword } from './password';
import { validateNewPassword } from './password-policy';
import type { Actor } from './sessions';
import { revokeOtherSessions } from './sessions';
import { beginSignInAttempt, releaseAttempt, settleFailedAttempt } from './throttle';
import { msg } from '@/lib/errors';

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, msg('auth.fillInCurrentPassword')).max(1024, msg('auth.passwordTooLong')),
  newPassword: z.string().max(1024, msg('auth.passwordTooLong')),
  repeatPassword: z.string(),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

const WRONG_CURRENT = 'Je huidige wachtwoord klopt niet.';

/**
 * The user's own password change: the current password first (counted towards the account lock like a
 * sign-in, so a stolen session cannot guess it), then the rules of validateNewPassword. Every other session
 * of the user ends; the one in use stays. Runs as the system: password hashes are closed to the app role.
 * Returns the field errors instead of throwing, so that a counted failure is committed, not rolled back.
 */
export async function changePassword(db: Executor, actor: Actor, input: unknown, now = new Date()): Promise<FieldErrors | null> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  const { currentPassword, newPassword, repeatPassword } = parsed.data;
  const keys = { email: actor.email, ip: actor.ip };
  const gate = await beginSignInAttempt(db, keys, now);
  if (!gate.allowed) return { currentPassword: [WRONG_CURRENT] };
  const [user] = await db.select({ passwordHash: users.passwordHash, name: users.name }).from(users).where(eq(users.id, actor.userId));
  if (!user) return { currentPassword: [WRONG_CURRENT] };
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await settleFailedAttempt(db, keys, now);
    await audit(db, subjectOf(actor), { action: 'update', entity: 'password', entityId: actor.userId, outcome: 'denied', details: { reason: 'wrong-password' } });
    return { currentPassword: [WRONG_CURRENT] };
  }
  await releaseAttempt(db, keys);
  const problems = validateNewPassword(newPassword, { email: actor.email, name: user.name });
  if (problems.length) return { newPassword: problems };
  if (newPassword !== repeatPassword) return { repeatPassword: ['De twee nieuwe wachtwoorden zijn niet gelijk.'] };
  if (await verifyPassword(user.passwordHash, newPassword)) return { newPassword: ['Kies een ander wachtwoord dan je huidige.'] };
  await db.update(users).set({ passwordHash: await hashPassword(newPassword), updatedAt: now }).where(eq(users.id, actor.userId));
  await revokeOtherSessions(db, actor.userId, actor.sessionId, now);
  await audit(db, subjectOf(actor), { action: 'update', entity: 'password', entityId: actor.userId });
  return null;
}
