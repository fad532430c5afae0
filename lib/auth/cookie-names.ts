/** The session cookie: `__Host-` prefixed (Secure, no Domain, Path=/) when served over https. */
export const SESSION_COOKIE = 'casusregie.session';
export const SECURE_SESSION_COOKIE = '__Host-casusregie.session';
export const SESSION_COOKIE_NAMES = [SESSION_COOKIE, SECURE_SESSION_COOKIE] as const;

/** True when a Cookie header carries a session cookie (of either name). */
export function carriesSessionCookie(cookieHeader: string | null | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((pair) => {
    const name = pair.split('=')[0]?.trim();
    return SESSION_COOKIE_NAMES.some((n) => name === n || name?.startsWith(`${n}.`));
  });
}
