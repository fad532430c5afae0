import { getDbHandle } from '@/db/client';
import type { Db } from '@/db/types';
import { env, isEmbedded } from '@/lib/env';
import { loadReferenceData } from '@/lib/reference/load';
import { seedDemo, shouldSeedDemo } from '@/lib/seed/demo';

/**
 * What a database needs besides its migrations (db/open.ts runs those): the reference data, and the demo
 * data when asked (`now` is the clock the demo is relative to).
 */
export async function prepareDatabase(db: Db, options: { demo: boolean; now?: Date }): Promise<void> {
  await loadReferenceData(db);
  if (options.demo) await seedDemo(db, options.now);
}

/**
 * The server's start (instrumentation.ts): the embedded database gets its reference data and, when it is
 * empty and DEMO_DATA allows, the demo, so `npm run demo` comes up with data. A server database is left as
 * its operators made it (`npm run db:migrate`, `npm run db:seed`). Here rather than in getDb(), so opening
 * the database never writes to it.
 */
export async function bootDatabase(): Promise<void> {
  if (!isEmbedded()) return;
  const { db } = await getDbHandle();
  await loadReferenceData(db);
  if (await shouldSeedDemo(db, env().DEMO_DATA, true)) await seedDemo(db);
}
