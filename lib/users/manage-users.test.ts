import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { resolveSession } from '@/lib/auth/sessions';
import { AppError } from '@/lib/http/errors';
import { signInAs } from '@/lib/testing/actors';
import { listOrganisations, listUsers, setUserActive, setUserActiveSchema } from './manage-users';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

const userRow = async (email: string) => (await handle.db.select().from(users).where(eq(users.email, email)))[0]!;

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'OK';
}

describe('user administration', () => {
  it('is refused to anyone but an admin', async () => {
    const regisseur = await signInAs('regisseur@example.org');
    const target = await userRow('politie@example.org');
    expect(await codeOf(listUsers(regisseur))).toBe('FORBIDDEN');
    expect(await codeOf(setUserActive(regisseur, { userId: target.id, active: false, version: target.version }))).toBe(
      'FORBIDDEN',
    );
    expect((await userRow('politie@example.org')).active).toBe(true);
  });

  it('deactivating a user ends the session that user already has', async () => {
    const admin = await signInAs('admin@example.org');
    const politie = await signInAs('politie@example.org');
    const target = await userRow('politie@example.org');
    await setUserActive(admin, { userId: target.id, active: false, version: target.version });
    const claims = { userId: politie.userId, sessionId: politie.sessionId, sessionVersion: target.sessionVersion };
    expect(await resolveSession(handle.db, claims)).toBeNull();
    expect((await userRow('politie@example.org')).active).toBe(false);
  });

  it('refuses a change based on a stale version and changes nothing', async () => {
    const admin = await signInAs('admin@example.org');
    const target = await userRow('ggz@example.org');
    await setUserActive(admin, { userId: target.id, active: false, version: target.version });
    expect(await codeOf(setUserActive(admin, { userId: target.id, active: true, version: target.version }))).toBe(
      'CONFLICT',
    );
    expect((await userRow('ggz@example.org')).active).toBe(false);
  });

  it('answers 404 for a user that does not exist', async () => {
    const admin = await signInAs('admin@example.org');
    const missing = { userId: '00000000-0000-4000-8000-000000000000', active: false, version: 1 };
    expect(await codeOf(setUserActive(admin, missing))).toBe('NOT_FOUND');
  });

  it('does not let an admin lock themselves out', async () => {
    const admin = await signInAs('admin@example.org');
    const self = await userRow('admin@example.org');
    expect(await codeOf(setUserActive(admin, { userId: self.id, active: false, version: self.version }))).toBe(
      'FORBIDDEN',
    );
    expect((await userRow('admin@example.org')).active).toBe(true);
  });

  it('lists organisations with the number of users each has', async () => {
    const admin = await signInAs('admin@example.org');
    const counts = Object.fromEntries((await listOrganisations(admin)).map((o) => [o.shortName, o.userCount]));
    expect(counts).toMatchObject({ 'ZVH Utrecht': 4, Politie: 1, Altrecht: 1, OM: 0, Mitros: 0 });
  });

  it('parses the form strictly', () => {
    expect(setUserActiveSchema.safeParse({ userId: 'abc', active: 'false', version: '1' }).success).toBe(false);
    expect(setUserActiveSchema.safeParse({ userId: crypto.randomUUID(), active: 'nee', version: '1' }).success).toBe(false);
    expect(setUserActiveSchema.safeParse({ userId: crypto.randomUUID(), active: 'true', version: '2' }).data).toMatchObject({
      active: true,
      version: 2,
    });
  });
});
