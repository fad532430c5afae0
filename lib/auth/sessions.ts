import { and, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { userSessions, users } from '@/db/schema';
import type { Executor } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { APP_ROLE } from '@/db/transaction';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, PENDING_LIFETIME_MS, TOUCH_INTERVAL_MS } from './policy';
import { sessionClock, type SessionClock, type TouchMode } from './session-rules';

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

/** What the session check answers: the rows it read, in one shape for both drivers. */
interface SessionRow {
  stage: 'verified' | 'second-factor' | 'enrolment' | 'ended';
  session_id: string;
  user_id: string;
  email: string;
  name: string;
  role: Actor['role'];
  locale: string;
  organisation_id: string;
  organisation_name: string;
  organisation_domain: Actor['organisationDomain'];
  created_ms: number | string;
  last_seen_ms: number | string;
  touched: boolean;
}

/**
 * Re-reads user, organisation and session for one request, in ONE statement: null when the user or
 * organisation was deactivated, the session version moved on, the session was revoked, idle too long or too
 * old, or (for a session still waiting for its second factor) older than a few minutes; an ended session is
 * revoked, and `last_seen_at` moves as `touch` says, in the same statement. With `become`, a verified
 * session also makes the transaction the user's (the app role, and app_become: `app.user_id` with the user's
 * role and organisation for row-level security, drizzle/0053), so the request's own queries follow without
 * another round trip. The role switch is evaluated last: the statement's own rights were checked as the
 * owner when it started.
 */
export async function loadSession(
  db: Executor,
  claims: SessionClaims,
  now = new Date(),
  touch: TouchMode = 'auto',
  options: { become?: boolean; rows?: Record<string, unknown>[] } = {},
): Promise<SessionState | null> {
  const rows = options.rows ?? (await db.execute(sessionCheck(claims, now, touch, options.become ?? false)) as unknown as { rows: SessionRow[] }).rows;
  return sessionState(rows as unknown as SessionRow[], now);
}

/** The session check of loadSession as one statement (sent on its own, or with the BEGIN: db/begin-with.ts). */
export function sessionCheck(claims: SessionClaims, now: Date, touch: TouchMode, become: boolean): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const ms = (n: number) => sql`(${n}::int * interval '1 millisecond')`;
  return sql`
    with session_check as (
      select us.id as session_id, u.id as user_id, u.email, u.name, u.role::text as role, u.locale,
             o.id as organisation_id, o.name as organisation_name, o.domain::text as organisation_domain,
             extract(epoch from us.created_at) * 1000 as created_ms, extract(epoch from us.last_seen_at) * 1000 as last_seen_ms,
             case
               when us.mfa_verified_at is null then
                 case when ${at} - us.created_at > ${ms(PENDING_LIFETIME_MS)} then 'ended'
                      when t.confirmed_at is not null then 'second-factor' else 'enrolment' end
               when ${at} > least(us.last_seen_at + ${ms(IDLE_TIMEOUT_MS)}, us.created_at + ${ms(ABSOLUTE_LIFETIME_MS)}) then 'ended'
               else 'verified'
             end as stage
      from user_sessions us
        join users u on u.id = us.user_id
        join organisations o on o.id = u.organisation_id
        left join user_totp t on t.user_id = u.id
      where us.id = ${claims.sessionId}::uuid and us.user_id = ${claims.userId}::uuid and us.revoked_at is null
        and u.active and o.active and u.session_version = ${claims.sessionVersion}::int
    ), changed as (
      update user_sessions us
         set revoked_at = case when s.stage = 'ended' then ${at} else us.revoked_at end,
             last_seen_at = case when s.stage = 'verified' then ${at} else us.last_seen_at end
        from session_check s
       where us.id = s.session_id
         and (s.stage = 'ended' or (s.stage = 'verified' and (${touch}::text = 'always'
              or (${touch}::text = 'auto' and ${at} - us.last_seen_at > ${ms(TOUCH_INTERVAL_MS)}))))
      returning s.stage
    )
    select s.*, exists (select 1 from changed where changed.stage = 'verified') as touched,
           case when s.stage = 'verified' and ${become}::boolean
                then set_config('role', ${APP_ROLE}, true) || app_become(s.user_id) end as became
    from session_check s`;
}

function sessionState(rows: SessionRow[], now: Date): SessionState | null {
  const [row] = rows;
  if (!row || row.stage === 'ended') return null;
  if (row.stage !== 'verified') {
    return { stage: row.stage, userId: row.user_id, sessionId: row.session_id, email: row.email, name: row.name };
  }
  const createdAt = new Date(Number(row.created_ms));
  const lastSeenAt = row.touched ? now : new Date(Number(row.last_seen_ms));
  return {
    stage: 'verified',
    clock: sessionClock({ createdAt, lastSeenAt }, now),
    actor: {
      userId: row.user_id,
      sessionId: row.session_id,
      email: row.email,
      name: row.name,
      role: row.role,
      locale: row.locale,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      organisationDomain: row.organisation_domain,
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
