import { NextResponse, type NextRequest } from 'next/server';

// Comfort only: sends visitors without a session cookie to the sign-in page. Every page and route
// handler still checks the session itself (lib/auth/actor), so this is no security boundary.
const SESSION_COOKIES = ['casusregie.session', '__Host-casusregie.session'];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/login';
  url.search = '';
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== '/') url.searchParams.set('callbackUrl', target);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ['/((?!api/|login|_next/|favicon.ico|robots.txt).*)'],
};
