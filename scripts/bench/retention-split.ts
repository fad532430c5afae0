/**
 * `npx tsx scripts/bench/retention-split.ts`: the first retention run on the database in DATABASE_URL,
 * timed in its two parts: the audit entries past their term first (lib/retention/purge-audit-log.ts),
 * then the cases past theirs (runRetention, which then finds no audit entry left to purge). It removes
 * data, like `npm run bench -- --purge`: only on a database made by seed:scale.
 */
import { openPostgres } from '@/db/open';
import { env } from '@/lib/env';
import { purgeAuditLog } from '@/lib/retention/purge-audit-log';
import { runRetention } from '@/lib/retention/run-retention';
import { loadRetentionSettings } from '@/lib/retention/settings';

async function main() {
  const { DATABASE_URL: url, DATABASE_JOB_STATEMENT_TIMEOUT_MS: timeout } = env();
  if (!url) throw new Error('retention-split needs DATABASE_URL (a database made by seed:scale).');
  const handle = await openPostgres(url, { max: 2, statementTimeoutMs: timeout });
  try {
    const now = new Date();
    const settings = await loadRetentionSettings(handle.db);
    let started = performance.now();
    const audit = await purgeAuditLog(handle.db, { now, years: settings.auditLogYears });
    console.log(`audit log: ${audit.purged} entries in ${audit.anchors} batches, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    const cases = await runRetention(handle.db, { now });
    console.log(`cases: ${cases.cases.length} cases, ${((performance.now() - started) / 1000).toFixed(1)} s`, JSON.stringify(cases.totals));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
