/**
 * Prepares the embedded database of e2e/retention.spec.ts (run with PGLITE_DIR set, in a process of its
 * own so the field keys land beside that database): the demo data, with the rejected demo case (Gerda
 * Smit) closed three years ago, so that `npm run purge` afterwards removes its personal data.
 * Prints the ids the journey needs as JSON.
 */
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '@/db/client';
import { cases } from '@/db/schema';
import { bootDatabase } from '@/lib/boot/database';
import { addYearsUtc } from '@/lib/retention/term';

async function main() {
  // A fresh data directory gets its demo data as the server start gives it.
  await bootDatabase();
  const db = await getDb();
  const all = await db.select({ id: cases.id, number: cases.number, name: cases.subjectName, closedAt: cases.closedAt }).from(cases);
  const rejected = all.find((c) => c.name === 'Gerda Smit')!;
  const handled = all.find((c) => c.name === 'Dylan Koster')!;
  await db.update(cases).set({ closedAt: addYearsUtc(rejected.closedAt!, -3) }).where(eq(cases.id, rejected.id));
  await closeDb();
  console.log(JSON.stringify({ rejected: { id: rejected.id, number: rejected.number }, handled: { id: handled.id, number: handled.number } }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
