import { describe, expect, it } from 'vitest';
import { clientIp, trustedClientIp } from './client-ip';

describe('the client address', () => {
  it('is the peer itself without a trusted proxy: a made-up X-Forwarded-For is ignored', () => {
    expect(trustedClientIp('6.6.6.6', '203.0.113.5', 0)).toBe('203.0.113.5');
    expect(trustedClientIp(undefined, '203.0.113.5', 0)).toBe('203.0.113.5');
  });

  it('is what the trusted proxy saw, not what the client claimed before it', () => {
    // client claims 6.6.6.6; the proxy (10.0.0.2) appends the real peer 198.51.100.7
    expect(trustedClientIp('6.6.6.6, 198.51.100.7', '10.0.0.2', 1)).toBe('198.51.100.7');
    expect(trustedClientIp(['6.6.6.6', '198.51.100.7, 10.0.0.9'], '10.0.0.2', 2)).toBe('198.51.100.7');
    // fewer hops than configured: the left-most known address
    expect(trustedClientIp(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
  });

  it('is read back from the single normalised header', () => {
    const headers = new Headers({ 'x-forwarded-for': '198.51.100.7' });
    expect(clientIp((n) => headers.get(n))).toBe('198.51.100.7');
    expect(clientIp(() => null)).toBeNull();
  });
});
