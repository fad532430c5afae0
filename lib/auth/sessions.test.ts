import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users, userSessions } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS } from './policy';
import { createSession, endAllSessions, resolveSession, revokeSession, type SessionClaims } from './sessions';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

/** A fully signed-in session (password and second factor passed; credentials.test.ts covers how). */
async function signIn(email: string, at = new Date()): Promise<SessionClaims> {
  const [user] = await handle.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  const sessionId = await createSession(handle.db, user.id, {}, { verified: true, now: at });
  // Sessions start "now" in the database; move them to the test clock.
  await handle.db.update(userSessions).set({ createdAt: at, lastSeenAt: at }).where(eq(userSessions.id, sessionId));
  return { userId: user.id, sessionId, sessionVersion: user.sessionVersion };
}

const minutes = (n: number) => n * 60 * 1000;

describe('resolveSession', () => {
  it('returns the actor with organisation and role, re-read from the database', async () => {
    const claims = await signIn('regisseur@example.org');
    const actor = await resolveSession(handle.db, claims);
    expect(actor).toMatchObject({
      email: 'regisseur@example.org',
      role: 'regisseur',
      organisationName: 'Zorg- en Veiligheidshuis Regio Utrecht',
      organisationDomain: 'veiligheidshuis',
    });
    await handle.db.update(users).set({ role: 'manager' }).where(eq(users.id, claims.userId));
    expect((await resolveSession(handle.db, claims))?.role).toBe('manager');
    await handle.db.update(users).set({ role: 'regisseur' }).where(eq(users.id, claims.userId));
  });

  it('ends the session of a deactivated user on the next request', async () => {
    const claims = await signIn('politie@example.org');
    expect(await resolveSession(handle.db, claims)).not.toBeNull();
    await handle.db.update(users).set({ active: false }).where(eq(users.id, claims.userId));
    expect(await resolveSession(handle.db, claims)).toBeNull();
    await handle.db.update(users).set({ active: true }).where(eq(users.id, claims.userId));
  });

  it('ends every session when the session version moves on', async () => {
    const first = await signIn('gemeente@example.org');
    const second = await signIn('gemeente@example.org');
    await endAllSessions(handle.db, first.userId);
    expect(await resolveSession(handle.db, first)).toBeNull();
    expect(await resolveSession(handle.db, second)).toBeNull();
    const fresh = await signIn('gemeente@example.org');
    expect(await resolveSession(handle.db, fresh)).not.toBeNull();
  });

  it('ends one signed-out session and keeps the others', async () => {
    const kept = await signIn('manager@example.org');
    const ended = await signIn('manager@example.org');
    await revokeSession(handle.db, ended.sessionId);
    expect(await resolveSession(handle.db, ended)).toBeNull();
    expect(await resolveSession(handle.db, kept)).not.toBeNull();
  });

  it('ends a session idle for more than 15 minutes, and keeps an active one alive', async () => {
    const start = new Date('2026-11-23T09:00:00Z');
    const claims = await signIn('veiligthuis@example.org', start);
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(await resolveSession(handle.db, claims, at(minutes(14)))).not.toBeNull();
    // That request counted as activity, so another 14 minutes later it still lives.
    expect(await resolveSession(handle.db, claims, at(minutes(28)))).not.toBeNull();
    expect(await resolveSession(handle.db, claims, at(minutes(28) + IDLE_TIMEOUT_MS + 1000))).toBeNull();
    // Once ended by idleness it stays ended.
    expect(await resolveSession(handle.db, claims, at(minutes(29)))).toBeNull();
  });

  it('ends a session after 10 hours however active it was', async () => {
    const start = new Date('2026-11-23T07:00:00Z');
    const claims = await signIn('admin@example.org', start);
    for (let m = 10; m < ABSOLUTE_LIFETIME_MS / 60000; m += 10) {
      expect(await resolveSession(handle.db, claims, new Date(start.getTime() + minutes(m)))).not.toBeNull();
    }
    expect(await resolveSession(handle.db, claims, new Date(start.getTime() + ABSOLUTE_LIFETIME_MS + minutes(1)))).toBeNull();
  });

  it('does not accept a session id that belongs to another user', async () => {
    const mine = await signIn('ggz@example.org');
    const theirs = await signIn('politie@example.org');
    expect(await resolveSession(handle.db, { ...mine, sessionId: theirs.sessionId })).toBeNull();
  });
});
