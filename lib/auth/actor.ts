import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { UserRole } from '@/db/schema';
import { getDb } from '@/db/client';
import { inlineSql } from '@/db/inline-sql';
import { requestScope } from '@/db/request-scope';
import { openRequestTransaction } from '@/db/transaction';
import { clientIp } from '@/lib/http/client-ip';
import { sessionCookieName } from './cookies';
import { decodeSessionToken } from './session-token';
import { PASSIVE_REFRESH_COOKIE, type TouchMode } from './session-rules';
import { authSecret } from './secret';
import { loadSession, sessionCheck, type Actor, type SessionState } from './sessions';
import { claimsFromToken } from './token';

/**
 * The session this request's cookie stands for, re-read from the database; cached per request. Inside a
 * request scope (every API route: lib/http/with-actor.ts) the check is the first statement of the
 * request's own transaction and makes it the user's (db/request-scope.ts); elsewhere (pages) it is one
 * statement on its own.
 */
const readSession = cache(async (): Promise<SessionState | null> => {
  const scope = requestScope();
  if (!scope) return readSessionWith(await passiveTouch());
  scope.session ??= passiveTouch().then((touch) => readSessionWith(touch, { become: true }));
  return scope.session as Promise<SessionState | null>;
});

async function passiveTouch(): Promise<TouchMode> {
  return (await cookies()).has(PASSIVE_REFRESH_COOKIE) ? 'never' : 'auto';
}

/**
 * The same, touching `last_seen_at` as `touch` says: a keep-alive always, a status check never
 * (lib/auth/session-rules.ts). Not cached: for the session route only. With `become`, a verified session
 * opens the request's transaction as its user, parked for the request's first query.
 */
export async function readSessionWith(touch: TouchMode, options: { become?: boolean } = {}): Promise<SessionState | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  let token: unknown;
  try {
    token = await decodeSessionToken(raw, authSecret());
  } catch {
    return null;
  }
  const claims = claimsFromToken(token);
  if (!claims) return null;
  const now = new Date();
  if (!options.become) return loadSession(await getDb(), claims, now, touch);
  return openRequestTransaction(
    (tx, sentWithBegin) => loadSession(tx, claims, now, touch, { become: true, rows: sentWithBegin }),
    (state) => (state?.stage === 'verified' ? state.actor.userId : null),
    inlineSql(sessionCheck(claims, now, touch, true)),
  );
}

/** Where this request came from, for the audit log and the sign-in throttle. */
export async function requestMeta(): Promise<{ ip: string | null; userAgent: string | null }> {
  const requestHeaders = await headers();
  return {
    ip: clientIp((name) => requestHeaders.get(name)),
    userAgent: requestHeaders.get('user-agent')?.slice(0, 400) ?? null,
  };
}

/**
 * The signed-in user for this request (password and second factor passed), re-read from the database (so
 * deactivation and role changes apply at once), or null. A session that has passed only the password is
 * null here: it reaches no page and no API. Cached per request, so a page and its layout share one lookup.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const state = await readSession();
  if (state?.stage !== 'verified') return null;
  return { ...state.actor, ...(await requestMeta()) };
});

export type PendingSession = Extract<SessionState, { stage: 'second-factor' | 'enrolment' }>;

/** A session that has passed the password but not yet the second factor: for the two-factor step only. */
export const getPendingSignIn = cache(async (): Promise<PendingSession | null> => {
  const state = await readSession();
  return state && state.stage !== 'verified' ? state : null;
});

export const SECOND_STEP_PATH = { 'second-factor': '/login/verify', enrolment: '/login/enrol' } as const;

/**
 * For pages: a signed-out visitor goes to the sign-in page, a half-signed-in one to the two-factor step,
 * a wrong role gets a 404.
 */
export async function requireActor(roles?: readonly UserRole[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const pending = await getPendingSignIn();
    redirect(pending ? SECOND_STEP_PATH[pending.stage] : '/login');
  }
  if (roles && !roles.includes(actor.role)) notFound();
  return actor;
}

export type { Actor };
