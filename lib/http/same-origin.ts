import { AppError } from './errors';

/** Methods that change nothing; every other method must come from the app's own pages (or a script). */
export const SAFE_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS'];

export const crossOrigin = () => new AppError('FORBIDDEN', 'Verzoek van een andere website geweigerd.');

/** The host this request was addressed to: a proxy's X-Forwarded-Host wins over Host. */
function requestHost(request: Request): string | null {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return (forwarded || request.headers.get('host'))?.toLowerCase() ?? null;
}

/**
 * True when a browser sent this request from another website (cross-site request forgery). A present
 * `Origin` must name the host the request went to; `Origin: null` (sandboxed frames, opaque redirects)
 * never matches. A missing Origin is allowed for now: scripts without a browser send none.
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

/** Throws 403 for a mutating request from another website; safe methods always pass. */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.includes(request.method.toUpperCase())) return;
  if (isCrossOrigin(request)) throw crossOrigin();
}
