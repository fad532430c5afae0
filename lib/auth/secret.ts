import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

let cached: string | undefined;

/**
 * AUTH_SECRET from the environment; the embedded demo makes one on first start and keeps it beside its
 * data, so that `npm run demo` needs no set-up and sessions survive a restart.
 */
export function authSecret(): string {
  if (cached) return cached;
  const config = env();
  if (config.AUTH_SECRET) return (cached = config.AUTH_SECRET);
  const file = path.join(path.dirname(path.resolve(config.PGLITE_DIR)), 'auth-secret');
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    cached = randomBytes(48).toString('base64');
    fs.writeFileSync(file, cached, { mode: 0o600 });
  }
  return cached;
}
