import 'server-only';
import { encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { sessionCookieName, usesSecureCookies } from './cookies';
import { ABSOLUTE_LIFETIME_MS } from './policy';
import { authSecret } from './secret';
import type { SessionClaims } from './sessions';

/**
 * Hands out the cookie of a new session from a server action (the two-factor step), exactly as next-auth
 * does after its own sign-in: the same JWT (identifiers only), name and attributes.
 */
export async function setSessionCookie(claims: SessionClaims): Promise<void> {
  const maxAge = ABSOLUTE_LIFETIME_MS / 1000;
  const value = await encode({
    token: { sub: claims.userId, sid: claims.sessionId, sv: claims.sessionVersion },
    secret: authSecret(),
    maxAge,
  });
  (await cookies()).set(sessionCookieName(), value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: usesSecureCookies(),
    maxAge,
  });
}
