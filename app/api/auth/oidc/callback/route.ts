import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { requestMeta, SECOND_STEP_PATH } from '@/lib/auth/actor';
import { finishInBrowser, ownOrigin, stateCookieName } from '@/lib/auth/oidc/browser';
import type { FinishResult } from '@/lib/auth/oidc/finish';
import { setSessionCookie } from '@/lib/auth/session-cookie';
import { logUnexpected } from '@/lib/http/log-safe';

/**
 * Where a partner's IdP sends the browser back (authorization code flow). Every outcome is a redirect: into
 * the app, to Casusregie's own second factor, or to the sign-in page with the reason (never a 5xx page).
 */
export async function GET(request: NextRequest) {
  const params: Record<string, string> = {};
  for (const name of ['code', 'state', 'iss', 'error', 'error_description', 'session_state']) {
    const value = request.nextUrl.searchParams.get(name);
    if (value !== null) params[name] = value.slice(0, 4096);
  }
  const jar = await cookies();
  const boundState = jar.get(stateCookieName())?.value;
  jar.delete(stateCookieName());
  const origin = await ownOrigin();

  let result: FinishResult;
  try {
    result = await finishInBrowser(params, boundState, await requestMeta());
  } catch (error) {
    logUnexpected('api', error, { route: '/api/auth/oidc/callback' });
    result = { ok: false, reason: 'idpUnavailable' };
  }
  if (!result.ok) return NextResponse.redirect(`${origin}/login?oidc=${result.reason}`, 303);
  await setSessionCookie(result.claims);
  const next =
    result.stage === 'verified' ? result.callbackPath : `${SECOND_STEP_PATH[result.stage]}?callbackUrl=${encodeURIComponent(result.callbackPath)}`;
  return NextResponse.redirect(`${origin}${next}`, 303);
}
