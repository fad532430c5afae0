import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { organisations, userSessions, users, userTotp } from '@/db/schema';
import type { Executor } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { PENDING_LIFETIME_MS } from './policy';
import { sessionClock, touches, type SessionClock, type TouchMode } from './session-rules';

export type { Actor };

export interface SessionClaims {
  userId: string;
  sessionId: string;
  sessionVersion: number;
}

export async function createSession(
  db: Executor,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null },
  options: { verified: boolean; now: Date },
): Promise<string> {
  // The session's clock is the caller's, never the database's: idle and lifetime checks compare with it.
  const { now } = options;
  const [row] = await db
    .insert(userSessions)
    .values({
      userId,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
      createdAt: now,
      lastSeenAt: now,
      mfaVerifiedAt: options.verified ? now : null,
    })
    .returning({ id: userSessions.id });
  return row!.id;
}

/**
 * What a session cookie stands for right now:
 * - verified: password and second factor passed; the actor of every request;
 * - second-factor / enrolment: only the password passed; such a session reaches nothing but the
 *   two-factor step (verify a code, or set up the authenticator app first), and only for a few minutes.
 */
export type SessionState =
  | { stage: 'verified'; actor: Actor; clock: SessionClock }
  | { stage: 'second-factor' | 'enrolment'; userId: string; sessionId: string; email: string; name: string };

/**
 * Re-reads user, organisation and session for one request. Null when the user or organisation was
 * deactivated, the session version moved on, the session was revoked, idle too long or too old, or (for a
 * session still waiting for its second factor) older than a few minutes.
 */
export async function loadSession(db: Executor, claims: SessionClaims, now = new Date(), touch: TouchMode = 'auto'): Promise<SessionState | null> {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      userActive: users.active,
      sessionVersion: users.sessionVersion,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationDomain: organisations.domain,
      organisationActive: organisations.active,
      sessionId: userSessions.id,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      revokedAt: userSessions.revokedAt,
      mfaVerifiedAt: userSessions.mfaVerifiedAt,
      totpConfirmedAt: userTotp.confirmedAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(and(eq(userSessions.id, claims.sessionId), eq(userSessions.userId, claims.userId)));

  if (!row || row.revokedAt || !row.userActive || !row.organisationActive) return null;
  if (row.sessionVersion !== claims.sessionVersion) return null;
  const t = now.getTime();
  if (!row.mfaVerifiedAt) {
    if (t - row.createdAt.getTime() > PENDING_LIFETIME_MS) {
      await revokeSession(db, row.sessionId, now);
      return null;
    }
    const { userId, sessionId, email, name } = row;
    return { stage: row.totpConfirmedAt ? 'second-factor' : 'enrolment', userId, sessionId, email, name };
  }
  if (sessionClock(row, now).expired) {
    await revokeSession(db, row.sessionId, now);
    return null;
  }
  const touched = touches(row, now, touch);
  if (touched) await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, row.sessionId));
  return {
    stage: 'verified',
    clock: sessionClock({ createdAt: row.createdAt, lastSeenAt: touched ? now : row.lastSeenAt }, now),
    actor: {
      userId: row.userId,
      sessionId: row.sessionId,
      email: row.email,
      name: row.name,
      role: row.role,
      locale: row.locale,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      organisationDomain: row.organisationDomain,
      ip: null,
      userAgent: null,
    },
  };
}

/** The actor of a fully signed-in session (password and second factor), or null. */
export async function resolveSession(db: Executor, claims: SessionClaims, now = new Date()): Promise<Actor | null> {
  const state = await loadSession(db, claims, now);
  return state?.stage === 'verified' ? state.actor : null;
}

export async function revokeSession(db: Executor, sessionId: string, now = new Date()): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every session of a user at once, including tokens already handed out. */
export async function endAllSessions(db: Executor, userId: string, now = new Date()): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(eq(users.id, userId));
  await revokeAllSessions(db, userId, now);
}

export async function revokeAllSessions(db: Executor, userId: string, now = new Date()): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

/** Ends every other session of a user (after a password change), keeping the one in use. */
export async function revokeOtherSessions(db: Executor, userId: string, keepSessionId: string, now = new Date()): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), ne(userSessions.id, keepSessionId)));
}
