import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import type { Executor } from '@/db/types';
import { assertAdmin, refuse } from '@/lib/users/admin-guard';
import { audit, subjectOf } from '@/lib/audit/record';
import { resetSecondFactor } from '@/lib/auth/second-factor';
import { endAllSessions, type Actor } from '@/lib/auth/sessions';
import { unlockAccount } from '@/lib/auth/throttle';
import { notFound, msg } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { parseOrThrow } from '@/lib/validation/parse';

/*
 * The security actions of functioneel beheer on an account: a new second factor (lost phone), sign-out
 * everywhere (a stolen laptop), and lifting the sign-in lock. The tables they touch (second factor,
 * sessions, sign-in counters) are closed to the app role, so these run as the owner, one transaction
 * each, with the admin check here.
 */

export const userIdSchema = z.strictObject({ userId: z.uuid({ message: msg('users.unknownUser') }) });
export type UserIdInput = z.input<typeof userIdSchema>;

function parseUserId(raw: unknown): string {
  return parseOrThrow(userIdSchema, raw).userId;
}

async function emailOf(tx: Executor, userId: string): Promise<string> {
  const [row] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!row) throw notFound();
  return row.email;
}

/**
 * Removes the user's authenticator app and recovery codes and ends all their sessions; at the next
 * sign-in they set up the app again. Not for one's own account: the screen for that is Mijn account,
 * and with a stolen admin session this would be a way to take the account over.
 */
export async function resetUserSecondFactor(actor: Actor, raw: UserIdInput | unknown): Promise<void> {
  await assertAdmin(actor, 'user', 'user.second-factor');
  const userId = parseUserId(raw);
  if (userId === actor.userId) {
    return refuse(
      actor,
      { entity: 'user', entityId: userId, attempted: 'user.second-factor', reason: 'own-account' },
      msg('users.resetOwnSecondFactor'),
    );
  }
  // resetSecondFactor audits it (entity second-factor) in the same transaction.
  await asSystem((tx) => resetSecondFactor(tx, actor, userId));
}

/** Ends every session of the user, including tokens already handed out; they sign in again. */
export async function signOutEverywhere(actor: Actor, raw: UserIdInput | unknown): Promise<void> {
  await assertAdmin(actor, 'user', 'user.sign-out');
  const userId = parseUserId(raw);
  await asSystem(async (tx) => {
    await emailOf(tx, userId);
    await endAllSessions(tx, userId);
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'user', entityId: userId, details: { signedOutEverywhere: true } });
  });
}

/** Lifts the lock after too many failed sign-ins (and forgets the failures counted so far). */
export async function unlockUser(actor: Actor, raw: UserIdInput | unknown): Promise<void> {
  await assertAdmin(actor, 'user', 'user.unlock');
  const userId = parseUserId(raw);
  await asSystem(async (tx) => {
    await unlockAccount(tx, await emailOf(tx, userId));
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'user', entityId: userId, details: { unlocked: true } });
  });
}
