import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { env } from '@/lib/env';
import { key32, keyId, parseKeyList } from './key-list';

export interface Keyring {
  /** Key id used for new ciphertext. */
  current: string;
  // KeyObjects, imported once: importing a raw key on every call cost 50–120 µs per value.
  keys: Map<string, KeyObject>;
  /** HMAC key for search tokens: separate, so rotating the encryption keys keeps search working. */
  searchKey: KeyObject;
}

const keyFileSchema = z.object({ current: keyId, keys: z.record(z.string(), z.string()), searchKey: z.string() });
type KeyFile = z.infer<typeof keyFileSchema>;

let embeddedDataDir: string | undefined;

/**
 * The embedded database's keys live beside it: opening one at an explicit directory (a script, a test
 * server) makes its key file the one in use, whatever PGLITE_DIR said when this process started.
 */
export function keepKeysBeside(dataDir: string) {
  const resolved = path.resolve(dataDir);
  if (resolved === embeddedDataDir) return;
  embeddedDataDir = resolved;
  if (!env().FIELD_KEYS) resetKeyring();
}

export function keyFilePath(): string {
  return path.join(path.dirname(embeddedDataDir ?? path.resolve(env().PGLITE_DIR)), 'field-keys.json');
}

function readKeyFile(file: string): KeyFile | undefined {
  try {
    return keyFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${file} is onleesbaar: ${(error as Error).message}`);
  }
}

function writeKeyFile(file: string, content: KeyFile) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(content, null, 2), { mode: 0o600 });
}

/**
 * The embedded demo keeps its keys beside its data (like its auth secret), so `npm run demo` needs no
 * set-up; a server database needs FIELD_KEYS and FIELD_SEARCH_KEY from the environment.
 */
function embeddedKeyring(): Keyring {
  const file = keyFilePath();
  let content = readKeyFile(file);
  if (!content) {
    content = { current: 'k1', keys: { k1: randomBytes(32).toString('base64') }, searchKey: randomBytes(32).toString('base64') };
    writeKeyFile(file, content);
  }
  return {
    current: content.current,
    keys: new Map(Object.entries(content.keys).map(([id, material]) => [id, createSecretKey(key32.parse(material))])),
    searchKey: createSecretKey(key32.parse(content.searchKey)),
  };
}

/** Adds a fresh key to the embedded key file and makes it current (used by `npm run keys:rotate`). */
export function addEmbeddedKey(): string {
  const file = keyFilePath();
  const content = readKeyFile(file) ?? { current: 'k0', keys: {}, searchKey: randomBytes(32).toString('base64') };
  let n = Object.keys(content.keys).length + 1;
  while (content.keys[`k${n}`]) n += 1;
  const id = `k${n}`;
  content.keys[id] = randomBytes(32).toString('base64');
  content.current = id;
  writeKeyFile(file, content);
  resetKeyring();
  return id;
}

let cached: Keyring | undefined;

export function keyring(): Keyring {
  if (cached) return cached;
  const config = env();
  if (config.FIELD_KEYS) {
    const { current, keys } = parseKeyList(config.FIELD_KEYS);
    const imported = new Map([...keys].map(([id, material]) => [id, createSecretKey(material)]));
    cached = { current, keys: imported, searchKey: createSecretKey(key32.parse(config.FIELD_SEARCH_KEY)) };
  } else {
    cached = embeddedKeyring();
  }
  return cached;
}

export function resetKeyring() {
  cached = undefined;
}
