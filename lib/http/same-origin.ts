import { carriesSessionCookie } from '@/lib/auth/cookie-names';
import { AppError } from './errors';

/** Methods that change nothing; every other method must come from the app's own pages (or a script). */
export const SAFE_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS'];

export const CROSS_ORIGIN_MESSAGE = 'Verzoek van een andere website geweigerd.';
export const MISSING_ORIGIN_MESSAGE =
  'Verzoek zonder Origin-header geweigerd. Stuur bij een wijzigend verzoek met sessiecookie de header Origin mee, met het adres van Casusregie.';

export const crossOrigin = () => new AppError('FORBIDDEN', CROSS_ORIGIN_MESSAGE);
export const missingOrigin = () => new AppError('FORBIDDEN', MISSING_ORIGIN_MESSAGE);

/** The host this request was addressed to: a proxy's X-Forwarded-Host wins over Host. */
function requestHost(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return (forwarded || request.headers.get('host'))?.toLowerCase() ?? null;
}

/**
 * True when a browser sent this request from another website: a present `Origin` must name the host the
 * request went to; `Origin: null` (sandboxed frames, opaque redirects) never matches.
 */
export function isCrossOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host = requestHost(request);
  if (!host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host;
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
export function csrfRefusal(request: Request): AppError | null {
  if (SAFE_METHODS.includes(request.method.toUpperCase())) return null;
  if (request.headers.get('origin') === null) {
    return carriesSessionCookie(request.headers.get('cookie')) ? missingOrigin() : null;
  }
  return isCrossOrigin(request) ? crossOrigin() : null;
}

/** Throws 403 for a mutating request from another website, or without Origin but with a session cookie. */
export function assertSameOrigin(request: Request): void {
  const refusal = csrfRefusal(request);
  if (refusal) throw refusal;
}
