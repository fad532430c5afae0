/**
 * `npm run audit:verify` recomputes the hash chain of the audit log (lib/audit/verify.ts) and reports,
 * in Dutch, whether rows were changed or removed. Exit code 1 when it finds a problem, so that a
 * scheduled job or monitoring can alert on it. Runs as the owner of the tables, like db:migrate.
 */
import path from 'node:path';
import { openPglite, openPostgres } from '@/db/open';
import { verifyAuditChain } from '@/lib/audit/verify';
import { env } from '@/lib/env';
import { verifyAllMeetingSeals } from '@/lib/meetings/seal-verify';

async function main() {
  const config = env();
  // A server database is only read, never migrated, by this check.
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, { max: 1, statementTimeoutMs: config.DATABASE_JOB_STATEMENT_TIMEOUT_MS })
    : await openPglite(path.resolve(config.PGLITE_DIR));
  try {
    const result = await verifyAuditChain(handle.db);
    // The sealed meeting reports: each recomputed hash must still match its seal in the chain.
    const seals = await verifyAllMeetingSeals(handle.db);
    for (const seal of seals.broken) {
      result.ok = false;
      result.problems.push(...seal.problems.map((p) => `verslag van overleg ${seal.meetingId}, versie ${seal.version}: ${p}`));
    }
    if (result.ok) console.log(`Verzegelde verslagen: ${seals.checked} versies gecontroleerd, alle zegels kloppen.`);
    if (result.ok) {
      console.log(`Auditlog intact: ${result.checked} regels gecontroleerd, de hashketen klopt (${handle.kind}).`);
      return;
    }
    console.error(`Auditlog NIET intact: ${result.checked} regels gecontroleerd, ${result.problems.length} probleem/problemen:`);
    for (const problem of result.problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  // Drizzle wraps driver errors ("Failed query: …"); the database's own message is in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  console.error(`Controle van het auditlog mislukt: ${message}`);
  process.exit(1);
});
