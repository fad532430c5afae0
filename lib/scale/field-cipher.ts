import { createCipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { keyring } from '@/lib/crypto/keys';
import { nameTokens } from '@/lib/crypto/search-tokens';

/*
 * lib/crypto encrypts and tokenises one value at a time and imports its key on every call (about 50 µs
 * per HMAC, 120 µs per encryption): fine for a request, minutes for 200,000 cases. The generator keeps
 * the key imported and writes exactly the same format (`enc:v1:<key id>:<base64url(iv ‖ ciphertext ‖
 * tag)>`, the column name as additional data), which lib/crypto decrypts; scale.test.ts proves that.
 */
const PREFIX = 'enc:v1:';

let cached: { id: string; key: KeyObject } | undefined;

function currentKey() {
  if (!cached) {
    const { current, keys } = keyring();
    cached = { id: current, key: createSecretKey(keys.get(current)!) };
  }
  return cached;
}

export function encryptForColumn(plain: string, column: string): string {
  const { id, key } = currentKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(column));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${id}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
}

const tokensOfPart = new Map<string, string[]>();

/**
 * The app's own search tokens (lib/crypto nameTokens), computed once per name part: a name's tokens are
 * the union of its words' tokens, and generated names reuse a few hundred words.
 */
export function searchTokens(name: string): string[] {
  const out = new Set<string>();
  for (const part of name.split(/\s+/)) {
    let tokens = tokensOfPart.get(part);
    if (!tokens) {
      tokens = nameTokens(part);
      tokensOfPart.set(part, tokens);
    }
    for (const t of tokens) out.add(t);
  }
  return [...out];
}

/** After a key change (tests switch keyrings): forget the imported key and the tokens. */
export function resetFieldCipher(): void {
  cached = undefined;
  tokensOfPart.clear();
}
