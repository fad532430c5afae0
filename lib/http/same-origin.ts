import { carriesSessionCookie } from '@/lib/auth/cookie-names';
import { env } from '@/lib/env';
import { AppError, msg } from '@/lib/errors';

/** Methods that change nothing; every other method must come from the app's own pages (or a script). */
export const SAFE_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS'];

export const CROSS_ORIGIN_MESSAGE = msg('http.crossOrigin');
export const MISSING_ORIGIN_MESSAGE =
  msg('http.missingOrigin');

export const crossOrigin = () => new AppError('FORBIDDEN', CROSS_ORIGIN_MESSAGE);
export const missingOrigin = () => new AppError('FORBIDDEN', MISSING_ORIGIN_MESSAGE);

/** What the check needs to know about where the app is served. */
export interface OriginConfig {
  /** NEXTAUTH_URL: the address users reach the app at. */
  appUrl?: string;
  /** TRUSTED_PROXIES: how many reverse proxies in front set the X-Forwarded-* headers (0: none). */
  trustedProxies: number;
}

const configured = (): OriginConfig => ({ appUrl: env().NEXTAUTH_URL, trustedProxies: env().TRUSTED_PROXIES });

/**
 * The origins a request to this app may come from. Behind a trusted proxy: the host it forwarded (or the
 * Host header) and NEXTAUTH_URL. Without one, X-Forwarded-Host is just a header anyone can send, so it
 * counts for nothing: NEXTAUTH_URL's origin, or the Host header when NEXTAUTH_URL is not set (development).
 */
function ownHosts(request: Request, config: OriginConfig): string[] {
  let appHost: string | undefined;
  try {
    appHost = config.appUrl ? new URL(config.appUrl).host.toLowerCase() : undefined;
  } catch {
    appHost = undefined;
  }
  const host = request.headers.get('host')?.trim().toLowerCase() || undefined;
  if (config.trustedProxies > 0) {
    const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim().toLowerCase();
    return [forwarded || host, appHost].filter((h): h is string => !!h);
  }
  return appHost ? [appHost] : host ? [host] : [];
}

/**
 * True when a browser sent this request from another website: a present `Origin` must name a host the
 * app is served at; `Origin: null` (sandboxed frames, opaque redirects) never matches.
 */
export function isCrossOrigin(request: Request, config: OriginConfig = configured()): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const hosts = ownHosts(request, config);
  try {
    return !hosts.includes(new URL(origin).host.toLowerCase());
  } catch {
    return true;
  }
}

/**
 * Why a request must be refused as a possible cross-site request forgery, or null. Safe methods always
 * pass. A mutating request needs an `Origin` of this site; without one it passes only when it carries no
 * session cookie (then it is not signed in and gets its 401 further on). Browsers send Origin with every
 * POST, PUT, PATCH and DELETE; scripts that use the session cookie must send it too.
 */
export function csrfRefusal(request: Request, config?: OriginConfig): AppError | null {
  if (SAFE_METHODS.includes(request.method.toUpperCase())) return null;
  if (request.headers.get('origin') === null) {
    return carriesSessionCookie(request.headers.get('cookie')) ? missingOrigin() : null;
  }
  return isCrossOrigin(request, config) ? crossOrigin() : null;
}

/** Throws 403 for a mutating request from another website, or without Origin but with a session cookie. */
export function assertSameOrigin(request: Request): void {
  const refusal = csrfRefusal(request);
  if (refusal) throw refusal;
}
