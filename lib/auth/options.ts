import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { asSystem } from '@/db/transaction';
import { describeError } from '@/lib/http/log-safe';
import { signInWithPassword } from './credentials';
import { sessionCookieName, usesSecureCookies } from './cookies';
import { ABSOLUTE_LIFETIME_MS } from './policy';
import { authSecret } from './secret';
import { resolveSession, revokeSession } from './sessions';
import { claimsFromToken } from './token';

function clientMeta(headers: Record<string, unknown> | undefined) {
  const forwarded = typeof headers?.['x-forwarded-for'] === 'string' ? headers['x-forwarded-for'] : undefined;
  const userAgent = typeof headers?.['user-agent'] === 'string' ? headers['user-agent'] : undefined;
  return { ip: forwarded?.split(',')[0]?.trim() ?? null, userAgent: userAgent ?? null };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: ABSOLUTE_LIFETIME_MS / 1000 },
    jwt: { maxAge: ABSOLUTE_LIFETIME_MS / 1000 },
    pages: { signIn: '/login', error: '/login' },
    useSecureCookies: usesSecureCookies(),
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: usesSecureCookies() },
      },
    },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const result = await asSystem((tx) => signInWithPassword(tx, credentials, clientMeta(req.headers)));
          if (!result.ok) return null;
          const { userId, sessionId, sessionVersion } = result.claims;
          return { id: userId, sid: sessionId, sv: sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // The token carries identifiers only; names and roles are re-read on every request.
        if (user) return { sub: user.id, sid: user.sid, sv: user.sv };
        const claims = claimsFromToken(token);
        const actor = claims && (await asSystem((tx) => resolveSession(tx, claims)));
        // Throwing makes next-auth clear the cookie: the session has ended.
        if (!actor) throw new Error('session ended');
        return token;
      },
      async session({ session, token }) {
        return { expires: session.expires, user: { id: token.sub } } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        const claims = claimsFromToken(token);
        if (claims) await asSystem((tx) => revokeSession(tx, claims.sessionId));
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is expected; anything else is logged without the token or credentials.
        if (code === 'JWT_SESSION_ERROR') return;
        console.error(`[auth] ${code}`, describeError(metadata));
      },
      warn(code) {
        if (code !== 'NEXTAUTH_URL' && code !== 'DEBUG_ENABLED') console.warn(`[auth] ${code}`);
      },
      debug() {},
    },
  };
}
