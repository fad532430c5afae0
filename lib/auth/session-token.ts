import { hkdfSync } from 'node:crypto';
import { jwtDecrypt, type JWTPayload } from 'jose';

/*
 * The session cookie's payload, as next-auth's own `decode` (next-auth/jwt) reads it: a JWE (dir, A256GCM)
 * under a key derived from AUTH_SECRET with HKDF-SHA256, 15 s clock tolerance. next-auth derives that key
 * again on every call, a few percent of the server's CPU on every request; it depends on the secret only,
 * so here it is derived once. lib/auth/session-token.test.ts holds the two side by side.
 */

let derived: { secret: string; key: Uint8Array } | undefined;

function keyFor(secret: string): Uint8Array {
  // Node's HKDF takes an empty secret; next-auth's refuses it, and a key anyone can derive is no key.
  if (!secret) throw new Error('AUTH_SECRET is empty');
  if (derived?.secret !== secret) {
    const key = new Uint8Array(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32));
    derived = { secret, key };
  }
  return derived.key;
}

/** Throws when the token was not made with this secret, was altered, or has expired. */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload> {
  // Only what next-auth writes: a direct key and A256GCM. Other algorithms in a token's header (PBES2 would
  // make each forged cookie cost thousands of key-derivation rounds) are refused before any work.
  const { payload } = await jwtDecrypt(token, keyFor(secret), {
    clockTolerance: 15,
    keyManagementAlgorithms: ['dir'],
    contentEncryptionAlgorithms: ['A256GCM'],
  });
  return payload;
}
