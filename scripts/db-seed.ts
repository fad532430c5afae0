/**
 * `npm run db:seed -- --demo` puts the demo house into an empty database. Without --demo it refuses,
 * so that demo accounts with a published password never end up in production by accident.
 */
import path from 'node:path';
import { openPglite, openPostgres } from '@/db/open';
import { env } from '@/lib/env';
import { loadReferenceData } from '@/lib/reference/load';
import { seedDemo, shouldSeedDemo } from '@/lib/seed/demo';

async function main() {
  if (!process.argv.includes('--demo')) {
    console.error('Geef --demo mee om de demogegevens te laden: npm run db:seed -- --demo');
    process.exit(2);
  }
  const config = env();
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, { max: 1, migrate: true, statementTimeoutMs: config.DATABASE_JOB_STATEMENT_TIMEOUT_MS })
    : await openPglite(path.resolve(config.PGLITE_DIR));
  try {
    await loadReferenceData(handle.db);
    if (!(await shouldSeedDemo(handle.db, 'on', !config.DATABASE_URL))) {
      console.error('De database bevat al organisaties; demogegevens worden alleen in een lege database geladen.');
      process.exit(3);
    }
    await seedDemo(handle.db);
    console.log('Demogegevens geladen. Wachtwoord van alle demo-accounts: zie README.');
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
