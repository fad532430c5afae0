/**
 * The client's address as the server determined it. scripts/serve.ts replaces X-Forwarded-For with the
 * one address it trusts (the socket's peer, or the entry TRUSTED_PROXIES hops from the right), so a
 * client cannot choose its own address for the audit log or the sign-in throttle. Under `next dev` the
 * first entry is taken as sent.
 */
export function clientIp(get: (name: string) => string | null | undefined): string | null {
  const forwarded = get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || get('x-real-ip')?.trim() || null;
}

/**
 * Picks the trustworthy client address from an X-Forwarded-For chain and the socket's peer address:
 * with `trustedProxies` = 0 the peer itself; with n proxies in front, the address the n-th proxy saw.
 */
export function trustedClientIp(forwardedFor: string | string[] | undefined, peer: string | undefined, trustedProxies: number): string | null {
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...listed, ...(peer ? [peer] : [])];
  const index = chain.length - 1 - trustedProxies;
  return (index >= 0 ? chain[index] : chain[0]) ?? null;
}
