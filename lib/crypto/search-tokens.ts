import { createHmac } from 'node:crypto';
import { keyring } from './keys';

const MIN_PREFIX = 3;

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function token(word: string): string {
  return createHmac('sha256', keyring().searchKey).update(word).digest('base64url').slice(0, 22);
}

/**
 * Keyed hashes of every word of a name and of each word's prefixes from three letters on, so that
 * "vri" finds "De Vries" while the database holds no readable name. Diacritics and case are ignored.
 */
export function nameTokens(name: string): string[] {
  const out = new Set<string>();
  for (const word of words(name)) {
    out.add(token(word));
    for (let n = MIN_PREFIX; n < word.length; n += 1) out.add(token(word.slice(0, n)));
  }
  return [...out];
}

/** Tokens a search term must all match; empty when the term has no letters or digits. */
export function queryTokens(term: string): string[] {
  return [...new Set(words(term).map(token))];
}
