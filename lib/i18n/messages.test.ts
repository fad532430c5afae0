import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import nl from './messages/nl.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message files', () => {
  it('have the same keys in Dutch and English, so no screen falls back to a key', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });
});
