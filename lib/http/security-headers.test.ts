import { describe, expect, it } from 'vitest';
import { newNonce, pageContentSecurityPolicy } from './security-headers';

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe('page Content-Security-Policy', () => {
  it('allows scripts only with the nonce of this response, never inline or eval in production', () => {
    const nonce = newNonce();
    const csp = pageContentSecurityPolicy({ nonce });
    const scripts = directive(csp, 'script-src')!;
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).not.toContain('unsafe-inline');
    expect(scripts).not.toContain('unsafe-eval');
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(pageContentSecurityPolicy({ nonce, https: true })).toContain('upgrade-insecure-requests');
  });

  it('makes a new 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });
});
