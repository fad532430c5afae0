import 'server-only';
import { headers } from 'next/headers';
import { asSystem } from '@/db/transaction';
import { env } from '@/lib/env';
import type { RequestMeta } from '../credentials';
import { usesSecureCookies } from '../cookies';
import { beginPartnerSignIn, type BeginResult } from './begin';
import { finishPartnerSignIn, type FinishResult } from './finish';

/** The cookie that binds a sign-in sent to an IdP to the browser that started it (its `state`). */
export function stateCookieName(): string {
  return usesSecureCookies() ? '__Host-casusregie.oidc' : 'casusregie.oidc';
}

export const stateCookieOptions = () => ({
  httpOnly: true,
  // Lax: the IdP sends the browser back with a top-level GET, which carries it.
  sameSite: 'lax' as const,
  path: '/',
  secure: usesSecureCookies(),
  maxAge: 10 * 60,
});

/**
 * This site's own address: the configured public URL, else the host the request came in on. The IdP
 * only accepts the redirect URI registered there, so a forged Host header only breaks its own sign-in.
 */
export async function ownOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, '');
  const requestHeaders = await headers();
  const proto = requestHeaders.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${requestHeaders.get('host') ?? 'localhost:3000'}`;
}

export const CALLBACK_PATH = '/api/auth/oidc/callback';

export async function redirectUri(): Promise<string> {
  return `${await ownOrigin()}${CALLBACK_PATH}`;
}

/** The sign-in form's first step, as the owner (the IdP tables are closed to the app role). */
export async function beginInBrowser(email: unknown, callbackPath: string): Promise<BeginResult> {
  const uri = await redirectUri();
  return asSystem((tx) => beginPartnerSignIn(tx, email, { redirectUri: uri, callbackPath }));
}

/** The IdP's redirect back, in one transaction: the state is used up and the outcome audited together. */
export async function finishInBrowser(params: Record<string, string>, boundState: string | undefined, meta: RequestMeta): Promise<FinishResult> {
  const uri = await redirectUri();
  return asSystem((tx) => finishPartnerSignIn(tx, { params, boundState, redirectUri: uri, meta }));
}
