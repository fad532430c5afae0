import { z } from 'zod';
import { render } from '@/lib/errors';

export const key32 = z
  .string()
  .trim()
  .transform((v) => Buffer.from(v, 'base64'))
  .refine((b) => b.length === 32, { message: 'moet 32 bytes zijn, base64 (genereer met: openssl rand -base64 32)' });

export const keyId = z.string().regex(/^[a-z0-9-]{1,16}$/, { message: 'sleutel-id: 1–16 tekens a-z, 0-9 of -' });

/** "k2:base64,k1:base64": the first key encrypts, all of them decrypt (old ones stay until rotated away). */
export function parseKeyList(value: string): { current: string; keys: Map<string, Buffer> } {
  const keys = new Map<string, Buffer>();
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error('FIELD_KEYS: geen sleutel opgegeven');
  for (const entry of entries) {
    const at = entry.indexOf(':');
    const id = keyId.safeParse(entry.slice(0, at));
    const material = key32.safeParse(entry.slice(at + 1));
    if (at < 1 || !id.success || !material.success) {
      throw new Error(`FIELD_KEYS: "${entry.slice(0, Math.max(at, 0))}…" ${render((id.success ? material.error?.issues[0]?.message : id.error.issues[0]?.message) ?? '')}`);
    }
    keys.set(id.data, material.data);
  }
  return { current: entries[0]!.slice(0, entries[0]!.indexOf(':')), keys };
}

