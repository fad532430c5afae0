import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { keyring, type Keyring } from './keys';

/**
 * Application-level field encryption: AES-256-GCM with a random 96-bit IV per value. The stored text is
 * `enc:v1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>`, so a database dump alone reveals nothing and
 * `npm run keys:rotate` can find every value still under an old key. The column name is bound in as
 * additional data: a ciphertext copied into another column does not decrypt.
 */
const PREFIX = 'enc:v1:';

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

export function keyIdOf(stored: string): string | undefined {
  if (!isEncrypted(stored)) return undefined;
  return stored.slice(PREFIX.length, stored.indexOf(':', PREFIX.length));
}

export function encryptField(plain: string, column: string, ring: Keyring = keyring()): string {
  const { current, keys } = ring;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.get(current)!, iv);
  cipher.setAAD(Buffer.from(column));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${current}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

export function decryptField(stored: string, column: string, ring: Keyring = keyring()): string {
  // Rows written before encryption existed stay readable until `npm run keys:rotate` encrypts them.
  if (!isEncrypted(stored)) return stored;
  const id = keyIdOf(stored)!;
  const key = ring.keys.get(id);
  if (!key) throw new Error(`Veldsleutel "${id}" ontbreekt in FIELD_KEYS`);
  const raw = Buffer.from(stored.slice(PREFIX.length + id.length + 1), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(column));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
}
