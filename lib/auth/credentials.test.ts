import { queryRows } from '@/db/query';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users, userSessions } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { DEMO_PASSWORD } from '@/lib/seed/demo-data';
import { signInWithPassword } from './credentials';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

const meta = { ip: '203.0.113.7', userAgent: 'vitest' };
const sessionCount = async () =>
  (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from user_sessions`))[0]!.n;

describe('signInWithPassword', () => {
  it('opens a session for the right password, whatever the case of the email', async () => {
    const result = await signInWithPassword(handle.db, { email: ' Politie@Example.org ', password: DEMO_PASSWORD }, meta);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [session] = await handle.db.select().from(userSessions).where(eq(userSessions.id, result.claims.sessionId));
    expect(session).toMatchObject({ userId: result.claims.userId, ip: '203.0.113.7', revokedAt: null });
    const [user] = await handle.db.select().from(users).where(eq(users.id, result.claims.userId));
    expect(user?.lastSignInAt).toBeInstanceOf(Date);
  });

  it('answers a wrong password, an unknown email and malformed input alike, and opens no session', async () => {
    const before = await sessionCount();
    const outcomes = await Promise.all([
      signInWithPassword(handle.db, { email: 'politie@example.org', password: 'fout-wachtwoord' }, meta),
      signInWithPassword(handle.db, { email: 'niemand@example.org', password: DEMO_PASSWORD }, meta),
      signInWithPassword(handle.db, { email: 'geen-email', password: DEMO_PASSWORD }, meta),
      signInWithPassword(handle.db, { email: 'politie@example.org' }, meta),
    ]);
    expect(outcomes).toEqual([{ ok: false }, { ok: false }, { ok: false }, { ok: false }]);
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a deactivated account with the same answer', async () => {
    await handle.db.update(users).set({ active: false }).where(eq(users.email, 'ggz@example.org'));
    expect(await signInWithPassword(handle.db, { email: 'ggz@example.org', password: DEMO_PASSWORD }, meta)).toEqual({
      ok: false,
    });
  });

  it('refuses a user whose organisation was deactivated', async () => {
    await handle.db.execute(sql`update organisations set active = false where short_name = 'Reclassering'`);
    expect(
      await signInWithPassword(handle.db, { email: 'reclassering@example.org', password: DEMO_PASSWORD }, meta),
    ).toEqual({ ok: false });
  });
});
