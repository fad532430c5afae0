import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { recoveryCodes, users, userTotp, type UserTotp } from '@/db/schema';
import type { Executor } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import { AppError, forbidden, notFound } from '@/lib/http/errors';
import { hashPassword, verifyPassword } from './password';
import type { Actor } from './sessions';
import { endAllSessions } from './sessions';
import { looksLikeTotp, matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from './totp';

export type SecondFactor = 'totp' | 'recovery-code';

export async function totpOf(db: Executor, userId: string): Promise<UserTotp | undefined> {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  return row;
}

/**
 * Checks a code from the authenticator app, or a recovery code, against a confirmed factor, and uses it
 * up: a TOTP code moves the user's last used time step forward (an atomic update, so two requests racing
 * with one code cannot both win), a recovery code is marked used. Null when the code is wrong or spent.
 */
export async function checkSecondFactor(db: Executor, userId: string, code: string, now = new Date()): Promise<SecondFactor | null> {
  const row = await totpOf(db, userId);
  if (!row?.confirmedAt) return null;
  const token = code.replace(/\s+/g, '');
  if (looksLikeTotp(token)) {
    const step = matchTotp(row.secret, token, now, row.lastUsedStep);
    if (step === null) return null;
    const moved = await db
      .update(userTotp)
      .set({ lastUsedStep: step })
      .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step))))
      .returning({ userId: userTotp.userId });
    return moved.length ? 'totp' : null;
  }
  const plain = normaliseRecoveryCode(token);
  if (!plain) return null;
  const unused = await db
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const matches = await Promise.all(unused.map((c) => verifyPassword(c.codeHash, plain)));
  const match = unused[matches.indexOf(true)];
  if (!match) return null;
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.id, match.id), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return spent.length ? 'recovery-code' : null;
}

/** The secret to show for enrolment: the one awaiting confirmation, or a new one. */
export async function startEnrolment(db: Executor, userId: string): Promise<{ secret: string }> {
  const existing = await totpOf(db, userId);
  if (existing?.confirmedAt) throw new AppError('CONFLICT', 'Tweestapsverificatie is voor dit account al ingesteld.');
  if (existing) return { secret: existing.secret };
  await db.insert(userTotp).values({ userId, secret: newTotpSecret() }).onConflictDoNothing();
  return { secret: (await totpOf(db, userId))!.secret };
}

/**
 * Confirms enrolment with a first code from the app: the factor becomes active and ten new recovery
 * codes are made. Returns the codes in plain text (to show once), or null for a wrong code.
 */
export async function confirmEnrolment(db: Executor, userId: string, code: string, now = new Date()): Promise<string[] | null> {
  const row = await totpOf(db, userId);
  if (!row || row.confirmedAt) return null;
  const step = matchTotp(row.secret, code, now, null);
  if (step === null) return null;
  const confirmed = await db
    .update(userTotp)
    .set({ confirmedAt: now, lastUsedStep: step })
    .where(and(eq(userTotp.userId, userId), isNull(userTotp.confirmedAt)))
    .returning({ userId: userTotp.userId });
  if (!confirmed.length) return null;
  return replaceRecoveryCodes(db, userId);
}

/** Ten new single-use recovery codes; the old ones stop working. Stored as argon2id hashes only. */
export async function replaceRecoveryCodes(db: Executor, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashPassword(normaliseRecoveryCode(c)!)));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}

export async function unusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** The user's own "new recovery codes": audited, the old codes stop working. */
export async function regenerateRecoveryCodes(db: Executor, actor: Actor): Promise<string[]> {
  const row = await totpOf(db, actor.userId);
  if (!row?.confirmedAt) throw new AppError('CONFLICT', 'Stel eerst tweestapsverificatie in.');
  const codes = await replaceRecoveryCodes(db, actor.userId);
  await audit(db, subjectOf(actor), { action: 'create', entity: 'recovery-codes', entityId: actor.userId, details: { count: codes.length } });
  return codes;
}

/**
 * Re-enrolment by an admin (lost phone): removes the user's second factor and recovery codes and ends
 * every session of that user; at their next sign-in they set up the authenticator app again.
 * Runs as the system (the factor tables are closed to the app role), so the admin check is here.
 */
export async function resetSecondFactor(db: Executor, admin: Actor, userId: string, now = new Date()): Promise<void> {
  if (admin.role !== 'admin') throw forbidden();
  const [target] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!target) throw notFound();
  await db.delete(userTotp).where(eq(userTotp.userId, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await endAllSessions(db, userId, now);
  await audit(db, subjectOf(admin), { action: 'update', entity: 'second-factor', entityId: userId, details: { reset: true } });
}
