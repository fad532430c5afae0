import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { recoveryCodes, users, userTotp, type UserTotp } from '@/db/schema';
import type { Executor } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import { AppError, forbidden, notFound, msg } from '@/lib/errors';
import { enqueueMail } from '@/lib/notify/outbox';
import { fieldErrorsOf, z, type FieldErrors } from '@/lib/validation/zod';
import { hashPassword, verifyPassword } from './password';
import type { Actor } from './sessions';
import { endAllSessions } from './sessions';
import { beginSignInAttempt, releaseAttempt, settleFailedAttempt } from './throttle';
import { looksLikeTotp, matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode } from './totp';
import { authorize } from '@/lib/access/policy';

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
  if (existing?.confirmedAt) throw new AppError('CONFLICT', msg('auth.secondFactorAlreadySet'));
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

const CONFIRMATION_MISSING = 'Vul je wachtwoord of een code uit je authenticator-app in.';
export const CONFIRMATION_WRONG = 'Dit wachtwoord of deze code klopt niet.';

export const regenerateRecoveryCodesSchema = z.object({
  // Not trimmed: a password may begin or end with a space.
  confirmation: z
    .string({ message: CONFIRMATION_MISSING })
    .max(1024, msg('auth.passwordTooLong'))
    .refine((v) => v.trim() !== '', CONFIRMATION_MISSING),
});

export type RegeneratedCodes = { ok: true; codes: string[] } | { ok: false; fieldErrors: FieldErrors };

/**
 * The user's own "new recovery codes". Ten working codes are a way into the account, so whoever asks
 * proves it is them first, in the same request: their password or a current code from the app (a code
 * is used up like at sign-in). A wrong answer counts towards the account lock like a wrong sign-in, so a
 * stolen session cannot guess; while the account is locked every answer is refused. Then the old codes
 * stop working, and the user gets a mail (someone else doing this must not go unnoticed). Audited either
 * way. Returns field errors instead of throwing, so that a counted failure is committed.
 */
export async function regenerateRecoveryCodes(db: Executor, actor: Actor, input: unknown, now = new Date()): Promise<RegeneratedCodes> {
  const row = await totpOf(db, actor.userId);
  if (!row?.confirmedAt) throw new AppError('CONFLICT', msg('auth.setUpSecondFactorFirst'));
  const parsed = regenerateRecoveryCodesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const keys = { email: actor.email, ip: actor.ip };
  const gate = await beginSignInAttempt(db, keys, now);
  if (!gate.allowed || !(await proves(db, actor.userId, parsed.data.confirmation, now))) {
    if (gate.allowed) await settleFailedAttempt(db, keys, now);
    await audit(db, subjectOf(actor), {
      action: 'create',
      entity: 'recovery-codes',
      entityId: actor.userId,
      outcome: 'denied',
      details: { reason: gate.allowed ? 'wrong-confirmation' : gate.reason },
    });
    return { ok: false, fieldErrors: { confirmation: [CONFIRMATION_WRONG] } };
  }
  await releaseAttempt(db, keys);
  const codes = await replaceRecoveryCodes(db, actor.userId);
  await enqueueMail(db, [recoveryCodesMail(actor, now)]);
  await audit(db, subjectOf(actor), { action: 'create', entity: 'recovery-codes', entityId: actor.userId, details: { count: codes.length } });
  return { ok: true, codes };
}

/** Six digits are a code from the app (a password is at least twelve characters); anything else a password. */
async function proves(db: Executor, userId: string, confirmation: string, now: Date): Promise<boolean> {
  const token = confirmation.replace(/\s+/g, '');
  if (looksLikeTotp(token)) return (await checkSecondFactor(db, userId, token, now)) === 'totp';
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return Boolean(user) && (await verifyPassword(user!.passwordHash, confirmation));
}

const momentText = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(d);

function recoveryCodesMail(actor: Actor, now: Date) {
  return {
    dedupeKey: `recovery-codes:${actor.userId}:${now.toISOString()}`,
    to: actor.email,
    subject: 'Nieuwe herstelcodes voor je account in Casusregie',
    text: [
      `Beste ${actor.name},`,
      '',
      `Op ${momentText(now)} zijn er nieuwe herstelcodes gemaakt voor je account in Casusregie. Je oude herstelcodes werken niet meer.`,
      '',
      'Heb jij dit niet gedaan? Wijzig dan meteen je wachtwoord onder Mijn account en neem contact op met functioneel beheer: iemand anders kan dan bij je account.',
    ].join('\n'),
  };
}

/**
 * Re-enrolment by an admin (lost phone): removes the user's second factor and recovery codes and ends
 * every session of that user; at their next sign-in they set up the authenticator app again.
 * Runs as the system (the factor tables are closed to the app role), so the admin check is here.
 */
export async function resetSecondFactor(db: Executor, admin: Actor, userId: string, now = new Date(), scope: string | null = null): Promise<void> {
  // Functioneel beheer, or a partnerbeheerder for its own organisation's accounts only (`scope`).
  const partner = authorize(admin, 'partner.users') === 'shared' && scope === admin.organisationId;
  if (authorize(admin, 'admin.users') !== 'allow' && !partner) throw forbidden();
  const [target] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), scope ? eq(users.organisationId, scope) : undefined));
  if (!target) throw notFound();
  await db.delete(userTotp).where(eq(userTotp.userId, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await endAllSessions(db, userId, now);
  await audit(db, subjectOf(admin), { action: 'update', entity: 'second-factor', entityId: userId, details: { reset: true } });
}
