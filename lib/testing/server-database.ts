import { openPostgres } from '@/db/open';
import { createServerDatabase } from '@/db/testing';
import { loadReferenceData } from '@/lib/reference/load';
import { seedDemo } from '@/lib/seed/demo';

/** A new database on the PostgreSQL server with the reference data and the demo seeded at `now`, as the owner. */
export async function createDemoServerDatabase(serverUrl: string, now: Date): Promise<{ url: string; drop(): Promise<void> }> {
  const database = await createServerDatabase(serverUrl);
  const owner = await openPostgres(database.url, { max: 2, statementTimeoutMs: 0 });
  await loadReferenceData(owner.db);
  await seedDemo(owner.db, now);
  await owner.close();
  return database;
}
