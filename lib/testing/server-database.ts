import { randomBytes } from 'node:crypto';
import { openPostgres } from '@/db/open';

/** A new, migrated database on the test server (TEST_DATABASE_URL), with its URL, for tests that connect their own way. */
export async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `casusregie_test_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(serverUrl, { max: 1 });
  await admin.db.execute(`create database ${name}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrated = await openPostgres(url.toString(), { max: 1, migrate: true, statementTimeoutMs: 0 });
  await migrated.close();
  return {
    url: url.toString(),
    async drop() {
      const cleanup = await openPostgres(serverUrl, { max: 1 });
      await cleanup.db.execute(`drop database if exists ${name} with (force)`);
      await cleanup.close();
    },
  };
}
