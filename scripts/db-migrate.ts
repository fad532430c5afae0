/** Applies the SQL migrations in drizzle/ to the server named by DATABASE_URL (or the embedded database). */
import path from 'node:path';
import { openPglite, openPostgres } from '@/db/open';
import { env } from '@/lib/env';
import { StartupRefusal, startupProblems } from '@/lib/house/startup-checks';
import { loadReferenceData } from '@/lib/reference/load';

async function main() {
  const config = env();
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, { max: 1, migrate: true, statementTimeoutMs: config.DATABASE_JOB_STATEMENT_TIMEOUT_MS })
    : await openPglite(path.resolve(config.PGLITE_DIR));
  try {
    // A database restored without its role, or newer than this version, is not fixed by migrating: say what is.
    const problems = await startupProblems(handle.db, { keys: false });
    if (problems.length > 0) throw new StartupRefusal(problems);
    await loadReferenceData(handle.db);
    console.log(`Migraties toegepast (${handle.kind}); referentiegegevens geladen.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
