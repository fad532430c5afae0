import type { KeyObject } from 'node:crypto';
import { keyring } from '@/lib/crypto/keys';
import { nameTokens } from '@/lib/crypto/search-tokens';

// One cache per search key, so a different keyring (another database, a test) never gets stale tokens.
const caches = new WeakMap<KeyObject, Map<string, string[]>>();

/**
 * The app's own search tokens (lib/crypto nameTokens), computed once per name part: a name's tokens are
 * the union of its words' tokens, and generated names reuse a few hundred words.
 */
export function searchTokens(name: string): string[] {
  const { searchKey } = keyring();
  let tokensOfPart = caches.get(searchKey);
  if (!tokensOfPart) caches.set(searchKey, (tokensOfPart = new Map()));
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
