import { queryRows } from '@/db/query';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseError } from '@/lib/testing/db-error';
import { closeDb, useFreshDatabase } from './testing';
import type { DbHandle } from './types';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase();
});
afterAll(() => closeDb());

describe('a freshly migrated database', () => {
  it('holds every municipality and safety region of the reference data', async () => {
    const [counts] = (await queryRows<{ municipalities: number; regions: number; vr09: number }>(handle.db, sql`
        select (select count(*)::int from municipalities) as municipalities,
               (select count(*)::int from safety_regions) as regions,
               (select count(*)::int from municipalities where safety_region_code = 'VR09') as vr09`));
    expect(counts).toEqual({ municipalities: 342, regions: 25, vr09: 26 });
  });

  it('keeps an admin correction when the reference data is loaded again', async () => {
    const { loadReferenceData } = await import('@/lib/reference/load');
    await handle.db.execute(sql`update municipalities set name = 'Utrecht (gecorrigeerd)' where code = 'GM0344'`);
    await loadReferenceData(handle.db);
    const rows = await queryRows<{ name: string }>(handle.db, sql`select name from municipalities where code = 'GM0344'`);
    expect(rows[0]?.name).toBe('Utrecht (gecorrigeerd)');
  });

  it('lets the app role read and write tables but not change reference regions', async () => {
    const refused = await databaseError(
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local role casusregie_app`);
        await tx.execute(sql`delete from safety_regions where code = 'VR01'`);
      }),
    );
    expect(refused).toMatch(/permission denied/);
    const rows = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local role casusregie_app`);
      return queryRows<{ n: number }>(tx, sql`select count(*)::int as n from organisations`);
    });
    expect(rows[0]?.n).toBe(0);
  });

  it('rejects a second user with the same email in other letter case', async () => {
    const [org] = (await queryRows<{ id: string }>(handle.db, sql`insert into organisations (name, short_name, domain) values ('Test', 'T', 'overig') returning id`));
    const insert = (email: string) =>
      handle.db.execute(
        sql`insert into users (organisation_id, email, name, role, password_hash)
            values (${org!.id}, ${email}, 'X', 'professional', 'x')`,
      );
    await insert('Naam@Example.org');
    expect(await databaseError(insert('naam@example.ORG'))).toMatch(/users_email_unique/);
  });
});
