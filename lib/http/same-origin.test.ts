import { describe, expect, it } from 'vitest';
import { AppError, render } from '@/lib/errors';
import { assertSameOrigin, CROSS_ORIGIN_MESSAGE, csrfRefusal, isCrossOrigin, MISSING_ORIGIN_MESSAGE } from './same-origin';

function request(method: string, headers: Record<string, string>) {
  return new Request('http://127.0.0.1:3100/api/v1/cases', { method, headers });
}

const session = { cookie: 'NEXT_LOCALE=nl; casusregie.session=eyJhbGciOi...' };

describe('same-origin check', () => {
  const direct = { trustedProxies: 0 };
  const proxied = { trustedProxies: 1 };

  it('allows the own origin, also behind a trusted proxy that sets X-Forwarded-Host', () => {
    expect(isCrossOrigin(request('POST', { host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3100' }), direct)).toBe(false);
    expect(
      isCrossOrigin(request('POST', { host: 'app:3000', 'x-forwarded-host': 'casus.example.nl', origin: 'https://casus.example.nl' }), proxied),
    ).toBe(false);
    expect(csrfRefusal(request('POST', { host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3100', ...session }), direct)).toBeNull();
    // NEXTAUTH_URL names the app's address, behind a proxy or not.
    const app = { appUrl: 'https://casus.example.nl', trustedProxies: 0 };
    expect(isCrossOrigin(request('POST', { host: 'casus.example.nl', origin: 'https://casus.example.nl' }), app)).toBe(false);
  });

  it('refuses another site, another port, Origin null and a malformed Origin', () => {
    expect(isCrossOrigin(request('POST', { host: '127.0.0.1:3100', origin: 'https://evil.example' }), direct)).toBe(true);
    expect(isCrossOrigin(request('POST', { host: '127.0.0.1:3100', origin: 'http://127.0.0.1:3101' }), direct)).toBe(true);
    expect(isCrossOrigin(request('POST', { host: '127.0.0.1:3100', origin: 'null' }), direct)).toBe(true);
    expect(isCrossOrigin(request('POST', { host: '127.0.0.1:3100', origin: 'not a url' }), direct)).toBe(true);
    // Behind a proxy the forwarded host counts, not the internal Host.
    expect(
      isCrossOrigin(request('POST', { host: 'casus.example.nl', 'x-forwarded-host': 'app.internal', origin: 'https://casus.example.nl' }), proxied),
    ).toBe(true);
  });

  it('ignores X-Forwarded-Host without a trusted proxy (TRUSTED_PROXIES=0): anyone can send that header', () => {
    const forged = { host: '127.0.0.1:3100', 'x-forwarded-host': 'evil.example', origin: 'https://evil.example', ...session };
    expect(isCrossOrigin(request('POST', forged), direct)).toBe(true);
    expect(csrfRefusal(request('POST', forged), direct)?.message).toBe(render(CROSS_ORIGIN_MESSAGE));
    // With NEXTAUTH_URL set, only its origin counts; a made-up Host does not either.
    const app = { appUrl: 'https://casus.example.nl', trustedProxies: 0 };
    expect(isCrossOrigin(request('POST', { ...forged, host: 'evil.example' }), app)).toBe(true);
    expect(isCrossOrigin(request('POST', { host: 'casus.example.nl', 'x-forwarded-host': 'evil.example', origin: 'https://casus.example.nl' }), app)).toBe(
      false,
    );
  });

  it('refuses a mutating request without Origin that carries the session cookie (either name)', () => {
    expect(csrfRefusal(request('POST', { host: '127.0.0.1:3100', ...session }), direct)?.message).toBe(render(MISSING_ORIGIN_MESSAGE));
    expect(csrfRefusal(request('PATCH', { host: '127.0.0.1:3100', cookie: '__Host-casusregie.session=abc' }))?.status).toBe(403);
    expect(csrfRefusal(request('DELETE', { host: '127.0.0.1:3100', cookie: 'casusregie.session.0=abc' }))?.status).toBe(403);
  });

  it('lets a request without Origin and without a session through (it is not signed in), and every safe method', () => {
    expect(csrfRefusal(request('POST', { host: '127.0.0.1:3100' }))).toBeNull();
    expect(csrfRefusal(request('POST', { host: '127.0.0.1:3100', cookie: 'NEXT_LOCALE=en; other.session=1' }))).toBeNull();
    expect(csrfRefusal(request('GET', { host: '127.0.0.1:3100', ...session }))).toBeNull();
    expect(csrfRefusal(request('HEAD', { host: '127.0.0.1:3100', origin: 'https://evil.example', ...session }))).toBeNull();
  });

  it('throws 403 with the Dutch message for mutating methods only', () => {
    const evil = { host: '127.0.0.1:3100', origin: 'https://evil.example' };
    expect(() => assertSameOrigin(request('GET', evil))).not.toThrow();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      let caught: unknown;
      try {
        assertSameOrigin(request(method, evil));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).status).toBe(403);
      expect((caught as AppError).message).toBe(render(CROSS_ORIGIN_MESSAGE));
    }
  });
});
