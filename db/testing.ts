import { randomBytes } from 'node:crypto';
import { prepareDatabase } from '@/lib/boot/database';
import { installDb, closeDb } from './client';
import { APP_ROLE } from './transaction';
import { openPglite, openPostgres } from './open';
import type { DbHandle } from './types';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * server named by TEST_DATABASE_URL (CI runs the suite both ways). Installed as the app's database.
 * `now` is the clock the demo data is relative to (default: the real clock).
 */
export async function useFreshDatabase(options: { demo?: boolean; now?: Date } = {}): Promise<DbHandle> {
  const serverUrl = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
  let handle: DbHandle;
  if (serverUrl) {
    const database = await createServerDatabase(serverUrl);
    const inner = await openPostgres(database.url, { max: 4 });
    handle = {
      ...inner,
      async close() {
        await inner.close();
        await database.drop();
      },
    };
  } else {
    handle = await openPglite();
  }
  // Demo data is relative to its `now`: a test that runs the code at a frozen time seeds at that time too.
  await prepareDatabase(handle.db, { demo: options.demo ?? false, now: options.now });
  installDb(handle);
  return handle;
}

/** A new, migrated database on the test server (TEST_DATABASE_URL), with its URL, for tests that connect their own way. */
export async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `casusregie_test_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(serverUrl, { max: 1 });
  // The app role is the cluster's, not the database's. Test files migrate side by side in parallel workers,
  // and on a fresh cluster two of them would each create it (drizzle/0001) and one would fail on the role's
  // unique name: the first creates it here, the others wait for that on the lock and find it.
  await admin.db.execute(`do $$ begin
    perform pg_advisory_xact_lock(hashtext('casusregie: the app role'));
    if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then create role ${APP_ROLE} nologin; end if;
    grant ${APP_ROLE} to current_user;
  end $$`);
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

export { closeDb };
