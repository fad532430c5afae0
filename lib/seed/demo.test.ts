import { queryRows } from '@/db/query';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { verifyPassword } from '@/lib/auth/password';
import { seedDemo, shouldSeedDemo } from './demo';
import { DEMO_PASSWORD } from './demo-data';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase();
});
afterAll(() => closeDb());

describe('demo data', () => {
  it('is never seeded on a server unless asked for, nor when switched off', async () => {
    expect(await shouldSeedDemo(handle.db, 'auto', false)).toBe(false);
    expect(await shouldSeedDemo(handle.db, 'off', true)).toBe(false);
    expect(await shouldSeedDemo(handle.db, 'auto', true)).toBe(true);
    expect(await shouldSeedDemo(handle.db, 'on', false)).toBe(true);
  });

  it('creates the house, its partners and the accounts the design lists', async () => {
    await seedDemo(handle.db);
    const orgs = await queryRows<{ name: string; domain: string }>(handle.db, sql`select name, domain::text from organisations order by name`);
    expect(orgs).toEqual([
      { name: 'Altrecht GGZ', domain: 'zorg' },
      { name: 'Gemeente Amersfoort', domain: 'gemeente' },
      { name: 'Gemeente Utrecht', domain: 'gemeente' },
      { name: 'Mitros wonen', domain: 'overig' },
      { name: 'Openbaar Ministerie Midden-Nederland', domain: 'veiligheid' },
      { name: 'Politie Midden-Nederland', domain: 'veiligheid' },
      { name: 'Reclassering Nederland', domain: 'veiligheid' },
      { name: 'Veilig Thuis Regio Utrecht', domain: 'zorg' },
      { name: 'Zorg- en Veiligheidshuis Regio Utrecht', domain: 'veiligheidshuis' },
    ]);
    const people = await queryRows<{ email: string; role: string; org: string; hash: string }>(handle.db, sql`
      select u.email, u.role::text, o.short_name as org, u.password_hash as hash
      from users u join organisations o on o.id = u.organisation_id order by u.email`);
    expect(people.map((p) => `${p.email} ${p.role} ${p.org}`)).toEqual([
      'admin@example.org admin ZVH Utrecht',
      'gemeente@example.org professional Gem. Utrecht',
      'ggz@example.org professional Altrecht',
      'manager@example.org manager ZVH Utrecht',
      'partnerbeheer.politie@example.org partnerbeheer Politie',
      'politie@example.org professional Politie',
      'reclassering@example.org professional Reclassering',
      'regisseur2@example.org regisseur ZVH Utrecht',
      'regisseur@example.org regisseur ZVH Utrecht',
      'veiligthuis@example.org professional Veilig Thuis',
    ]);
    expect(people[0]!.hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(people[0]!.hash, DEMO_PASSWORD)).toBe(true);
  });

  it('is not seeded a second time into a database that has organisations', async () => {
    expect(await shouldSeedDemo(handle.db, 'on', true)).toBe(false);
  });
});
