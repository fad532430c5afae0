import { env } from '@/lib/env';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from './cookie-names';

/** Secure cookies (with the __Host- prefix) whenever the app is served over https. */
export function usesSecureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith('https://') ?? false;
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}
