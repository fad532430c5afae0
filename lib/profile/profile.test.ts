import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { AppError } from '@/lib/errors';
import { signInAs } from '@/lib/testing/actors';
import { getProfile, updateProfile, updateProfileSchema } from './profile';

beforeAll(() => useFreshDatabase({ demo: true }));
afterAll(() => closeDb());

describe('own profile', () => {
  it('updates name and language and bumps the version', async () => {
    const actor = await signInAs('ggz@example.org');
    const before = await getProfile(actor);
    const after = await updateProfile(actor, { name: 'Eva Visser-de Boer', locale: 'en', version: before.version });
    expect(after).toMatchObject({ name: 'Eva Visser-de Boer', locale: 'en', version: before.version + 1 });
  });

  it('refuses a stale version with a conflict and keeps the newer data', async () => {
    const actor = await signInAs('politie@example.org');
    const { version } = await getProfile(actor);
    await updateProfile(actor, { name: 'Mark Jansen (wijk Noord)', version });
    const stale = updateProfile(actor, { name: 'Overschreven', version });
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getProfile(actor)).name).toBe('Mark Jansen (wijk Noord)');
  });

  it('rejects unknown fields and a role change through the profile', () => {
    const result = updateProfileSchema.safeParse({ role: 'admin', version: 1 });
    expect(result.success).toBe(false);
  });
});
