import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { asSystem } from '@/db/transaction';
import { describeError, errorFields } from '@/lib/http/log-safe';
import { log } from '@/lib/log';
import { clientIp } from '@/lib/http/client-ip';
import { signInWithCredentials } from './credentials';
import { sessionCookieName, usesSecureCookies } from './cookies';
import { ABSOLUTE_LIFETIME_MS } from './policy';
import { authSecret } from './secret';
import { loadSession, revokeSession } from './sessions';
import { claimsFromToken } from './token';

function clientMeta(headers: Record<string, unknown> | undefined) {
  const get = (name: string) => (typeof headers?.[name] === 'string' ? (headers[name] as string) : undefined);
  return { ip: clientIp(get), userAgent: get('user-agent')?.slice(0, 400) ?? null };
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
        // `code` (authenticator app or recovery code) is optional: without it the session reaches only the
        // two-factor step (/login/verify or /login/enrol), which the sign-in form shows next.
        credentials: { email: { type: 'email' }, password: { type: 'password' }, code: { type: 'text' } },
        async authorize(credentials, req) {
          const result = await asSystem((tx) => signInWithCredentials(tx, credentials, clientMeta(req.headers)));
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
        // A half-signed-in session stays alive here (it needs its cookie for the two-factor step); pages and
        // the API refuse it (lib/auth/actor.ts).
        const state = claims && (await asSystem((tx) => loadSession(tx, claims)));
        // Throwing makes next-auth clear the cookie: the session has ended.
        if (!state) throw new Error('session ended');
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
        log.error({ auth: code, ...errorFields(metadata) }, `[auth] ${code} ${describeError(metadata)}`);
      },
      warn(code) {
        if (code !== 'NEXTAUTH_URL' && code !== 'DEBUG_ENABLED') log.warn({ auth: code }, `[auth] ${code}`);
      },
      debug() {},
    },
  };
}
