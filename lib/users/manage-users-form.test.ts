import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { userByEmail } from '@/lib/admin/testing';
import { handleForm } from '@/lib/forms/action-state';
import { signInAs } from '@/lib/testing/actors';
import { setUserActive, setUserActiveSchema } from './manage-users';

// The block form as the browser posts it (the rules of user administration: ./manage-users.test.ts).

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

describe('the form', () => {
  it('parses strictly', () => {
    expect(setUserActiveSchema.safeParse({ userId: 'abc', active: false, version: '1' }).success).toBe(false);
    expect(setUserActiveSchema.safeParse({ userId: crypto.randomUUID(), active: 'nee', version: '1' }).success).toBe(false);
    expect(setUserActiveSchema.safeParse({ userId: crypto.randomUUID(), active: true, version: '2', extra: 'x' }).success).toBe(false);
  });

  it('accepts a block sent before hydration, with the $ACTION fields React adds to such a post', async () => {
    const admin = await signInAs('admin@example.org');
    const target = await userByEmail(handle, 'veiligthuis@example.org');
    const form = new FormData();
    form.append('$ACTION_REF_1', '');
    form.append('$ACTION_1:0', '{"id":"7f3a","bound":"$@1"}');
    form.append('$ACTION_1:1', '[null]');
    form.append('$ACTION_KEY', 'k123');
    form.append('userId', target.id);
    form.append('active', 'false');
    form.append('version', String(target.version));
    const { state } = await handleForm(form, setUserActiveSchema, (input) => setUserActive(admin, input));
    expect(state).toMatchObject({ ok: true });
    expect((await userByEmail(handle, 'veiligthuis@example.org')).active).toBe(false);
    const after = await userByEmail(handle, 'veiligthuis@example.org');
    await setUserActive(admin, { userId: target.id, active: true, version: after.version });
  });
});
