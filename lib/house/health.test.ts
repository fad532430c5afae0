import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, installDb } from '@/db/client';
import { openPostgres } from '@/db/open';
import { pgRelay } from '@/lib/testing/pg-relay';
import { databaseReachable } from './health';

const serverUrl = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;

describe.skipIf(!serverUrl)('readiness against a PostgreSQL server', () => {
  const target = new URL(serverUrl ?? 'postgres://x@127.0.0.1:1/x');
  const link = pgRelay(target);

  beforeAll(async () => {
    await link.start();
    installDb(await openPostgres(link.via(target.toString()), { max: 2 }));
  });
  afterAll(async () => {
    await link.stop();
    await closeDb();
  });

  it('reports the database down while it is unreachable, and up again without a restart', async () => {
    expect(await databaseReachable()).toBe(true);
    await link.stop();
    expect(await databaseReachable(1000)).toBe(false);
    await link.start();
    expect(await databaseReachable()).toBe(true);
  });
});

describe('readiness without a database', () => {
  afterAll(() => closeDb());

  it('answers false, not an exception, when nothing listens', async () => {
    installDb(await openPostgres('postgres://nobody@127.0.0.1:1/none', { max: 1 }));
    expect(await databaseReachable(3000)).toBe(false);
  });
});
