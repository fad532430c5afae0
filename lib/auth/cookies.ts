import { env } from '@/lib/env';

/** Secure cookies (with the __Host- prefix) whenever the app is served over https. */
export function usesSecureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith('https://') ?? false;
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? '__Host-casusregie.session' : 'casusregie.session';
}
