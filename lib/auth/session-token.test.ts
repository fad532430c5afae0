import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken } from './session-token';

const secret = 'a-secret-of-the-test-house-long-enough-for-hkdf';

describe('the session cookie, read without deriving its key per request', () => {
  it('reads what next-auth wrote, exactly as next-auth reads it', async () => {
    const token = await encode({ token: { sub: 'u-1', sid: 's-1' }, secret, maxAge: 3600 });
    const ours = await decodeSessionToken(token, secret);
    expect(ours).toEqual(await decode({ token, secret }));
    expect(ours).toMatchObject({ sub: 'u-1', sid: 's-1' });
    // Twice: the second read uses the key kept from the first.
    expect(await decodeSessionToken(token, secret)).toEqual(ours);
  });

  it('refuses a token of another secret, an altered one and an expired one, also after a key was kept', async () => {
    const token = await encode({ token: { sub: 'u-1' }, secret, maxAge: 3600 });
    await decodeSessionToken(token, secret);
    const forged = await encode({ token: { sub: 'u-1' }, secret: 'another-secret-entirely-of-similar-length', maxAge: 3600 });
    await expect(decodeSessionToken(forged, secret)).rejects.toThrow();
    // One bit flipped in the authentication tag (part 4), then in the ciphertext (part 3); through the bytes,
    // because base64url's last character has slack bits.
    const flipped = (part: number) => {
      const parts = token.split('.');
      const bytes = Buffer.from(parts[part]!, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      parts[part] = bytes.toString('base64url');
      return parts.join('.');
    };
    await expect(decodeSessionToken(flipped(4), secret)).rejects.toThrow();
    await expect(decodeSessionToken(flipped(3), secret)).rejects.toThrow();
    const expired = await encode({ token: { sub: 'u-1' }, secret, maxAge: -60 });
    await expect(decodeSessionToken(expired, secret)).rejects.toThrow(/exp/);
  });

  it('refuses a token whose header asks for another algorithm, and an empty secret', async () => {
    const token = await encode({ token: { sub: 'u-1' }, secret, maxAge: 3600 });
    const [, ...rest] = token.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'PBES2-HS256+A128KW', enc: 'A256GCM', p2c: 10000, p2s: 'c2FsdHNhbHRzYWx0c2FsdA' })).toString('base64url');
    await expect(decodeSessionToken([header, ...rest].join('.'), secret)).rejects.toThrow(/alg/);
    await expect(decodeSessionToken(token, '')).rejects.toThrow(/AUTH_SECRET/);
  });

  it('derives the key again when the secret changes', async () => {
    const other = 'a-rotated-secret-of-the-test-house-also-long';
    const token = await encode({ token: { sub: 'u-2' }, secret: other, maxAge: 3600 });
    await decodeSessionToken(await encode({ token: { sub: 'u-1' }, secret, maxAge: 3600 }), secret);
    expect(await decodeSessionToken(token, other)).toMatchObject({ sub: 'u-2' });
  });
});
