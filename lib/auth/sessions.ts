import { and, eq, isNull, sql } from 'drizzle-orm';
import { organisations, userSessions, users, type OrganisationDomain, type UserRole } from '@/db/schema';
import type { Executor } from '@/db/types';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, TOUCH_INTERVAL_MS } from './policy';

export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  role: UserRole;
  locale: string;
  organisationId: string;
  organisationName: string;
  organisationDomain: OrganisationDomain;
  /** Where the request came from, for the audit log; set per request by getActor. */
  ip: string | null;
  userAgent: string | null;
}

export interface SessionClaims {
  userId: string;
  sessionId: string;
  sessionVersion: number;
}

export async function createSession(
  db: Executor,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 400) ?? null })
    .returning({ id: userSessions.id });
  return row!.id;
}

/**
 * Re-reads user, organisation and session for one request. Null when the user or organisation was
 * deactivated, the session version moved on, the session was revoked, idle too long or too old.
 */
export async function resolveSession(db: Executor, claims: SessionClaims, now = new Date()): Promise<Actor | null> {
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
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(userSessions.id, claims.sessionId), eq(userSessions.userId, claims.userId)));

  if (!row || row.revokedAt || !row.userActive || !row.organisationActive) return null;
  if (row.sessionVersion !== claims.sessionVersion) return null;
  const t = now.getTime();
  if (t - row.createdAt.getTime() > ABSOLUTE_LIFETIME_MS || t - row.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) {
    await revokeSession(db, row.sessionId, now);
    return null;
  }
  if (t - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, row.sessionId));
  }
  return {
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
  };
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
