/**
 * `npm run purge`: the retention job (lib/retention/run-retention.ts) once, for cron on installations
 * that run it outside the server. `--dry-run` only counts what would go. Runs as the owner of the tables,
 * like db:migrate. Exit code 1 on failure.
 */
import path from 'node:path';
import { openPglite, openPostgres } from '@/db/open';
import { env } from '@/lib/env';
import type { RemovedCounts } from '@/lib/retention/remove-personal-data';
import { runRetention } from '@/lib/retention/run-retention';

const LABELS: Record<keyof RemovedCounts, string> = {
  subject: 'casussen (betrokkene, reden, doel, triage- en afsluittekst)',
  partnerReasons: 'redenen van betrokken partners',
  eventReasons: 'toelichtingen op de tijdlijn',
  agreements: 'afspraken',
  progressNotes: 'voortgangsnotities',
  dueDateReasons: 'redenen van verschoven einddatums',
  agendaItems: 'agendapunten met notulen',
  signalNotes: 'signalen met notities',
  escalationNotes: 'opschalingsnotities',
  notifications: 'meldingen',
  mails: 'e-mails',
  statusReports: 'antwoorden op statusrondes',
  sealedReportItems: 'agendapunten in verzegelde verslagen',
};

const SHOWN_NUMBERS = 50;

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--dry-run');
  if (unknown.length) throw new Error(`Onbekende optie: ${unknown.join(' ')} (alleen --dry-run bestaat).`);
  const dryRun = args.includes('--dry-run');
  const config = env();
  // Two connections: one holds the run's lock, the other does the work.
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, { max: 2, statementTimeoutMs: config.DATABASE_JOB_STATEMENT_TIMEOUT_MS })
    : await openPglite(path.resolve(config.PGLITE_DIR));
  try {
    const result = await runRetention(handle.db, { dryRun });
    if (result.skipped) {
      console.log('Een andere opschoning loopt al; niets gedaan.');
      return;
    }
    const { rejectedYears, handledYears, auditLogYears } = result.settings;
    console.log(
      `${dryRun ? 'Proefrun (er is niets verwijderd)' : 'Opschoning'}: bewaartermijnen ${rejectedYears} jaar na afwijzing, ` +
        `${handledYears} jaar na afsluiting, auditlog ${auditLogYears} jaar (${handle.kind}).`,
    );
    const verb = dryRun ? 'zouden worden verwijderd' : 'verwijderd';
    // The first run over years of history takes tens of thousands of cases: their numbers are in the audit log.
    const shown = result.cases.slice(0, SHOWN_NUMBERS).map((c) => c.number);
    const more = result.cases.length - shown.length;
    const numbers = shown.length ? `: ${shown.join(', ')}${more > 0 ? ` en ${more} meer` : ''}` : '';
    console.log(`Persoonsgegevens van ${result.cases.length} casus(sen) ${verb}${numbers}.`);
    for (const [key, label] of Object.entries(LABELS) as [keyof RemovedCounts, string][]) {
      if (result.totals[key] > 0) console.log(`  ${label}: ${result.totals[key]}`);
    }
    console.log(`Auditregels ouder dan de termijn: ${result.auditEntriesPurged} ${verb}. Klaar in ${result.ms} ms.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  // Drizzle wraps driver errors ("Failed query: …" with parameters); the database's own message is in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  console.error(`Opschoning mislukt: ${message}`);
  process.exit(1);
});
