import { NextResponse, type NextRequest } from 'next/server';
import { carriesSessionCookie } from '@/lib/auth/cookie-names';
import { rawRequestRefusal } from '@/lib/http/raw-request';
import { csrfRefusal } from '@/lib/http/same-origin';
import { apiLocale } from '@/lib/i18n/negotiate';
import {
  API_CONTENT_SECURITY_POLICY,
  newNonce,
  NO_STORE,
  pageContentSecurityPolicy,
  STRICT_TRANSPORT_SECURITY,
} from '@/lib/http/security-headers';

/** Pages a visitor without a session may see. */
const PUBLIC_PAGES = ['/login', '/invite'];

const https = () => process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;

/**
 * Runs before every page and route handler (not before static files, see `matcher`):
 * - refuses cross-site requests: a mutating request with a foreign Origin, or with a session cookie and
 *   no Origin at all (server actions and route handlers alike; next-auth's own endpoints check their
 *   CSRF token themselves);
 * - sets the security headers that depend on the request: the page CSP with a fresh nonce (Next reads it
 *   from the request's CSP header and puts it on its scripts), HSTS over https, and no-store for
 *   everything that can hold personal data;
 * - sends visitors without a session cookie to the sign-in page. That part is comfort only: every page
 *   and route handler checks the session itself (lib/auth/actor.ts), so it is no security boundary.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');

  // Also checked by the production server (scripts/serve.ts) before Next; here for `next dev` and `next start`.
  const raw = rawRequestRefusal(request.method, pathname + request.nextUrl.search);
  if (raw) return secure(NextResponse.json({ error: raw.message }, { status: raw.status, headers: raw.headers }), { api: true });

  if (!pathname.startsWith('/api/auth/')) {
    const refusal = csrfRefusal(request);
    if (refusal) return secure(NextResponse.json({ error: refusal.localized(apiLocale(request)).message }, { status: refusal.status }), { api: true });
  }

  if (isApi) return secure(NextResponse.next(), { api: true });

  const hasSession = carriesSessionCookie(request.headers.get('cookie'));
  // A server action without a cookie is answered by the action itself ("Je sessie is verlopen", the form
  // keeps what was typed); a redirect would reach the browser as an unreadable answer and an error page.
  const isServerAction = request.method === 'POST' && request.headers.has('next-action');
  if (!hasSession && !isServerAction && !PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = '';
    const target = pathname + request.nextUrl.search;
    if (target !== '/') url.searchParams.set('callbackUrl', target);
    return secure(NextResponse.redirect(url), { api: false });
  }

  const nonce = newNonce();
  const csp = pageContentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development', https: https() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return secure(response, { api: false });
}

function secure(response: NextResponse, options: { api: boolean }): NextResponse {
  if (options.api) response.headers.set('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
  response.headers.set('Cache-Control', NO_STORE);
  if (https()) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
