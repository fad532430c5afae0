import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may scrape: 'absent' without METRICS_TOKEN (the endpoint does not exist), 'refused' without the
 * right bearer token. Compared in constant time, so the answer's timing does not leak the token.
 */
export function metricsAccess(token: string | undefined, authorization: string | null): 'absent' | 'refused' | 'allowed' {
  if (!token) return 'absent';
  const presented = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!presented) return 'refused';
  return timingSafeEqual(digest(presented), digest(token)) ? 'allowed' : 'refused';
}
