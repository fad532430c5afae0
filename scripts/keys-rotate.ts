/**
 * `npm run keys:rotate` re-encrypts subject data and TOTP secrets under the current field key.
 * Server: put the new key first in FIELD_KEYS ("k2:…,k1:…"), run this, then drop the old key.
 * Embedded demo: `npm run keys:rotate -- --new-key` adds a key to .data/field-keys.json first.
 * `--reindex` also rebuilds every name search token (after a change of FIELD_SEARCH_KEY).
 */
import path from 'node:path';
import { z } from 'zod';
import { openPglite, openPostgres } from '@/db/open';
import { addEmbeddedKey } from '@/lib/crypto/keys';
import { rotateFieldKeys } from '@/lib/field-keys/rotate-field-keys';
import { env } from '@/lib/env';

const argsSchema = z.array(z.enum(['--new-key', '--reindex'], { message: 'onbekende optie (bekend: --new-key, --reindex)' }));

async function main() {
  const args = argsSchema.parse(process.argv.slice(2));
  const config = env();
  if (args.includes('--new-key') && config.FIELD_KEYS) {
    throw new Error('--new-key is voor de ingebouwde database; zet op een server de nieuwe sleutel vooraan in FIELD_KEYS.');
  }
  // The database first: while a server holds the embedded one, no key is added either.
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, { max: 2, statementTimeoutMs: config.DATABASE_JOB_STATEMENT_TIMEOUT_MS })
    : await openPglite(path.resolve(config.PGLITE_DIR));
  try {
    if (args.includes('--new-key')) console.log(`Nieuwe sleutel ${addEmbeddedKey()} aangemaakt en in gebruik genomen.`);
    const started = Date.now();
    const result = await rotateFieldKeys(handle.db, { reindex: args.includes('--reindex') });
    console.log(
      `Sleutel ${result.current}: ${result.cases} casussen en ${result.secrets} TOTP-geheimen opnieuw versleuteld in ${Date.now() - started} ms.`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof z.ZodError ? error.issues.map((i) => i.message).join('; ') : error instanceof Error ? error.message : error);
  process.exit(1);
});
