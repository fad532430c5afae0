/** `npm run sweep`: one stagnation sweep plus mail delivery, for cron on installations that prefer it. */
import path from 'node:path';
import { openPglite, openPostgres } from '@/db/open';
import { env } from '@/lib/env';
import { deliverDueMail } from '@/lib/notify/deliver';
import { mailTransport } from '@/lib/notify/mail-config';
import { runSweep } from '@/lib/stagnation/sweep';

async function main() {
  const config = env();
  const handle = config.DATABASE_URL
    ? await openPostgres(config.DATABASE_URL, { max: 2, statementTimeoutMs: config.DATABASE_JOB_STATEMENT_TIMEOUT_MS })
    : await openPglite(path.resolve(config.PGLITE_DIR));
  try {
    const result = await runSweep(handle.db);
    if (result.skipped) {
      console.log('Een andere sweep loopt al; niets gedaan.');
    } else {
      console.log(
        `Sweep: ${result.detected} signalen (${result.opened} nieuw, ${result.resolved} opgelost, ` +
          `${result.escalated} opgeschaald), ${result.reminders} herinneringen, in ${result.ms} ms.`,
      );
    }
    const { transport, from } = mailTransport();
    if (transport) {
      const sent = await deliverDueMail(handle.db, transport, from);
      console.log(`Mail: ${sent.sent} verstuurd, ${sent.failed} mislukt (wordt later opnieuw geprobeerd).`);
    } else {
      console.log('Geen SMTP_URL: mail blijft in de outbox (zichtbaar in Beheer → Mailbox).');
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
