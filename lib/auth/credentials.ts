import { eq, sql } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import type { Executor } from '@/db/types';
import { audit, type AuditEntry, type AuditSubject } from '@/lib/audit/record';
import { verifyAgainstDummy, verifyPassword } from './password';
import { checkSecondFactor, confirmEnrolment, totpOf, type SecondFactor } from './second-factor';
import { createSession, revokeSession, type SessionClaims } from './sessions';
import { signInSchema } from './sign-in-schema';
import {
  beginSignInAttempt,
  clearSignInFailures,
  pruneRateLimits,
  releaseAttempt,
  settleFailedAttempt,
  type AttemptKeys,
} from './throttle';

export type SignInStage = 'verified' | 'second-factor' | 'enrolment';
export type SignInResult = { ok: true; claims: SessionClaims; stage: SignInStage } | { ok: false };
export type RequestMeta = { ip?: string | null; userAgent?: string | null };

type FailureReason =
  | 'unknown-account'
  | 'wrong-password'
  | 'inactive'
  | 'wrong-code'
  | 'locked'
  | 'ip-throttled';

function failed(reason: FailureReason, extra: Record<string, unknown> = {}): AuditEntry {
  return { action: 'sign-in-failed', entity: 'session', outcome: 'denied', details: { reason, ...extra } };
}

let lastPrune = 0;
async function pruneNowAndThen(db: Executor, now: Date) {
  if (now.getTime() - lastPrune < 60 * 60 * 1000) return;
  lastPrune = now.getTime();
  await pruneRateLimits(db, now);
}

async function accountOf(db: Executor, email: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      active: users.active,
      sessionVersion: users.sessionVersion,
      organisationActive: organisations.active,
      organisationId: users.organisationId,
      role: users.role,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return user;
}

/**
 * Sign-in with email, password and (optionally, in the same request) the second-factor code.
 * - password right, code right: a fully signed-in session;
 * - password right, no code (the form's first step), or no second factor set up yet: a session that
 *   reaches only the two-factor step (stage 'second-factor' or 'enrolment');
 * - anything else: `{ ok: false }`. Unknown email, wrong password, wrong code, an inactive or locked account
 *   and a throttled address all look the same from outside and cost the same time.
 */
export async function signInWithCredentials(
  db: Executor,
  input: unknown,
  meta: RequestMeta,
  now = new Date(),
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { email, password, code } = parsed.data;
  const keys: AttemptKeys = { email, ip: meta.ip };
  await pruneNowAndThen(db, now);

  const gate = await beginSignInAttempt(db, keys, now);
  const user = await accountOf(db, email);
  const who: AuditSubject = user
    ? { userId: user.id, organisationId: user.organisationId, role: user.role, ...meta }
    : { userId: null, organisationId: null, role: null, ...meta };
  if (!gate.allowed) {
    await verifyAgainstDummy(password);
    await audit(db, who, failed(gate.reason, user ? {} : { unknownAccount: true }));
    return { ok: false };
  }
  const fail = async (reason: FailureReason) => {
    const locked = await settleFailedAttempt(db, keys, now);
    await audit(db, who, failed(reason, locked ? { locked: true } : {}));
    return { ok: false } as const;
  };

  if (!user) {
    await verifyAgainstDummy(password);
    return fail('unknown-account');
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid) return fail('wrong-password');
  if (!user.active || !user.organisationActive) return fail('inactive');

  const factor = await totpOf(db, user.id);
  if (!factor?.confirmedAt || code === undefined) {
    // Half-way: the second factor (or setting it up) is still to come; not a failure.
    await releaseAttempt(db, keys);
    const sessionId = await createSession(db, user.id, meta, { verified: false, now });
    const stage = factor?.confirmedAt ? 'second-factor' : 'enrolment';
    await audit(db, who, { action: 'sign-in', entity: 'session', entityId: sessionId, details: { stage: 'password' } });
    return { ok: true, stage, claims: { userId: user.id, sessionId, sessionVersion: user.sessionVersion } };
  }

  const used = await checkSecondFactor(db, user.id, code, now);
  if (!used) return fail('wrong-code');
  return { ...(await finish(db, user, who, keys, meta, used, now)), stage: 'verified' };
}

async function finish(
  db: Executor,
  user: { id: string; sessionVersion: number },
  who: AuditSubject,
  keys: AttemptKeys,
  meta: RequestMeta,
  factor: SecondFactor,
  now: Date,
): Promise<{ ok: true; claims: SessionClaims }> {
  await clearSignInFailures(db, keys);
  const sessionId = await createSession(db, user.id, meta, { verified: true, now });
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  await audit(db, who, { action: 'sign-in', entity: 'session', entityId: sessionId, details: { factor } });
  return { ok: true, claims: { userId: user.id, sessionId, sessionVersion: user.sessionVersion } };
}

/** A session that has passed the password only (see SessionState). */
export interface PendingSignIn {
  userId: string;
  sessionId: string;
  email: string;
}

export type SecondStepResult =
  | { ok: true; claims: SessionClaims; recoveryCodes?: string[] }
  | { ok: false; ended: boolean };

/**
 * The form's second step: the code for a half-signed-in session, or the first code of a new
 * authenticator app (enrolment, which also returns ten recovery codes to show once). On success the
 * half session is ended and a new, fully signed-in session takes its place (a new id: no fixation).
 * Wrong codes count towards the account lock like wrong passwords; at the lock the half session ends.
 */
export async function completeSignIn(
  db: Executor,
  pending: PendingSignIn,
  code: string,
  meta: RequestMeta,
  mode: 'verify' | 'enrol',
  now = new Date(),
): Promise<SecondStepResult> {
  const keys: AttemptKeys = { email: pending.email, ip: meta.ip };
  const user = await accountOf(db, pending.email);
  if (!user || user.id !== pending.userId) return { ok: false, ended: true };
  const who: AuditSubject = { userId: user.id, organisationId: user.organisationId, role: user.role, ...meta };
  const gate = await beginSignInAttempt(db, keys, now);
  if (!gate.allowed) {
    await revokeSession(db, pending.sessionId, now);
    await audit(db, who, failed(gate.reason));
    return { ok: false, ended: true };
  }

  let factor: SecondFactor | null = null;
  let recoveryCodes: string[] | undefined;
  if (mode === 'enrol') {
    recoveryCodes = (await confirmEnrolment(db, user.id, code, now)) ?? undefined;
    factor = recoveryCodes ? 'totp' : null;
  } else {
    factor = await checkSecondFactor(db, user.id, code, now);
  }
  if (!factor) {
    const locked = await settleFailedAttempt(db, keys, now);
    if (locked) await revokeSession(db, pending.sessionId, now);
    await audit(db, who, failed('wrong-code', locked ? { locked: true } : {}));
    return { ok: false, ended: locked };
  }
  if (recoveryCodes) {
    await audit(db, who, { action: 'create', entity: 'second-factor', entityId: user.id, details: { recoveryCodes: recoveryCodes.length } });
  }
  await revokeSession(db, pending.sessionId, now);
  const done = await finish(db, user, who, keys, meta, factor, now);
  return { ...done, recoveryCodes };
}
