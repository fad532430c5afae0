import { queryRows } from '@/db/query';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users, userSessions } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { asSystem } from '@/db/transaction';
import type { DbHandle } from '@/db/types';
import { DEMO_PASSWORD, DEMO_TOTP_SECRETS } from '@/lib/seed/demo-data';
import { completeSignIn, signInWithCredentials, type SignInResult } from './credentials';
import { replaceRecoveryCodes } from './second-factor';
import { loadSession, resolveSession } from './sessions';
import { accountLockedUntil, SIGN_IN_THROTTLE } from './throttle';
import { timeStep, totpCode } from './totp';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

const meta = { ip: '203.0.113.7', userAgent: 'vitest' };
const minutes = (n: number) => n * 60 * 1000;
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);
const code = (email: string, at: Date, offset = 0) => totpCode(DEMO_TOTP_SECRETS[email]!, timeStep(at) + offset);
/**
 * The only clock of this file: the code under test reads the `now` it is given. Each test takes a time half
 * an hour after the previous one (before the brute-force tests' own fixed days), so rows the tests share,
 * such as rate-limit counters, see time move forward as in production, whatever the machine's date.
 */
let clock = new Date('2026-11-20T09:00:00Z');
const tick = () => (clock = later(clock, minutes(30)));
const sessionCount = async () =>
  (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from user_sessions`))[0]!.n;

/** Each attempt in a transaction of its own, as the app runs it. */
const attempt = (input: Record<string, unknown>, at: Date, from = meta): Promise<SignInResult> =>
  asSystem((tx) => signInWithCredentials(tx, input, from, at));

async function stateOf(result: SignInResult, at: Date) {
  if (!result.ok) throw new Error('expected a session');
  return loadSession(handle.db, result.claims, at);
}

describe('signInWithCredentials', () => {
  it('opens a full session for the right password and code, whatever the case of the email', async () => {
    const at = tick();
    const result = await attempt({ email: ' Politie@Example.org ', password: DEMO_PASSWORD, code: code('politie@example.org', at) }, at);
    expect(result).toMatchObject({ ok: true, stage: 'verified' });
    if (!result.ok) return;
    const [session] = await handle.db.select().from(userSessions).where(eq(userSessions.id, result.claims.sessionId));
    expect(session).toMatchObject({ userId: result.claims.userId, ip: '203.0.113.7', revokedAt: null });
    expect(session?.mfaVerifiedAt).toBeInstanceOf(Date);
    expect(await resolveSession(handle.db, result.claims, at)).toMatchObject({ email: 'politie@example.org' });
    const [user] = await handle.db.select().from(users).where(eq(users.id, result.claims.userId));
    expect(user?.lastSignInAt).toBeInstanceOf(Date);
  });

  it('gives a half session for the password alone: it reaches only the two-factor step', async () => {
    const at = tick();
    const result = await attempt({ email: 'manager@example.org', password: DEMO_PASSWORD }, at);
    expect(result).toMatchObject({ ok: true, stage: 'second-factor' });
    if (!result.ok) return;
    expect(await resolveSession(handle.db, result.claims, at)).toBeNull();
    expect(await stateOf(result, at)).toMatchObject({ stage: 'second-factor', email: 'manager@example.org' });
  });

  it('completes a half session with the code: the half session ends, a new one takes its place', async () => {
    const at = tick();
    const half = await attempt({ email: 'regisseur2@example.org', password: DEMO_PASSWORD }, at);
    if (!half.ok) throw new Error('password step failed');
    const pending = { userId: half.claims.userId, sessionId: half.claims.sessionId, email: 'regisseur2@example.org' };
    const wrong = await asSystem((tx) => completeSignIn(tx, pending, '000000', meta, 'verify', at));
    expect(wrong).toEqual({ ok: false, ended: false });
    const done = await asSystem((tx) => completeSignIn(tx, pending, code('regisseur2@example.org', at), meta, 'verify', at));
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.claims.sessionId).not.toBe(half.claims.sessionId);
    expect(await loadSession(handle.db, half.claims, at)).toBeNull();
    expect(await resolveSession(handle.db, done.claims, at)).toMatchObject({ email: 'regisseur2@example.org' });
  });

  it('ends a half session after ten minutes', async () => {
    const at = tick();
    const result = await attempt({ email: 'ggz@example.org', password: DEMO_PASSWORD }, at);
    if (!result.ok) throw new Error('password step failed');
    expect(await loadSession(handle.db, result.claims, later(at, minutes(9)))).not.toBeNull();
    expect(await loadSession(handle.db, result.claims, later(at, minutes(11)))).toBeNull();
  });

  it('refuses a wrong code, a replayed code and a code from outside the drift window', async () => {
    const email = 'gemeente@example.org';
    const at = later(tick(), 10_000);
    const before = await sessionCount();
    expect(await attempt({ email, password: DEMO_PASSWORD, code: '123456' }, at)).toEqual({ ok: false });
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, at, -2) }, at)).toEqual({ ok: false });
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, at, 2) }, at)).toEqual({ ok: false });
    expect(await sessionCount()).toBe(before);
    // One step of clock drift is fine...
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, at, -1) }, at)).toMatchObject({ ok: true });
    // ...and each code works once: the same one again, or an older one, is a replay.
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, at, -1) }, later(at, 1000))).toEqual({ ok: false });
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, at) }, at)).toMatchObject({ ok: true });
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, at) }, later(at, 5000))).toEqual({ ok: false });
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, at, 1) }, later(at, 30_000))).toMatchObject({ ok: true });
  });

  it('accepts each recovery code once, in place of the app code', async () => {
    const email = 'veiligthuis@example.org';
    const [user] = await handle.db.select().from(users).where(eq(users.email, email));
    const codes = await replaceRecoveryCodes(handle.db, user!.id);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await queryRows<{ code_hash: string }>(handle.db, sql`select code_hash from recovery_codes where user_id = ${user!.id}`);
    expect(stored.every((row) => row.code_hash.startsWith('$argon2id$'))).toBe(true);
    expect(stored.some((row) => codes.some((c) => row.code_hash.includes(c)))).toBe(false);
    const at = tick();
    expect(await attempt({ email, password: DEMO_PASSWORD, code: codes[3]!.toUpperCase() }, at)).toMatchObject({ ok: true, stage: 'verified' });
    expect(await attempt({ email, password: DEMO_PASSWORD, code: codes[3] }, at)).toEqual({ ok: false });
    expect(await attempt({ email, password: DEMO_PASSWORD, code: codes[4]!.replace('-', '') }, at)).toMatchObject({ ok: true });
  });

  it('answers a wrong password, an unknown email and malformed input alike, and opens no session', async () => {
    const before = await sessionCount();
    const at = tick();
    const outcomes = [
      await attempt({ email: 'politie@example.org', password: 'fout-wachtwoord', code: code('politie@example.org', at, 1) }, at),
      await attempt({ email: 'niemand@example.org', password: DEMO_PASSWORD }, at),
      await attempt({ email: 'geen-email', password: DEMO_PASSWORD }, at),
      await attempt({ email: 'politie@example.org' }, at),
    ];
    expect(outcomes).toEqual([{ ok: false }, { ok: false }, { ok: false }, { ok: false }]);
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a deactivated account, and a user whose organisation was deactivated, with the same answer', async () => {
    const at = tick();
    await handle.db.update(users).set({ active: false }).where(eq(users.email, 'regisseur@example.org'));
    expect(await attempt({ email: 'regisseur@example.org', password: DEMO_PASSWORD }, at)).toEqual({ ok: false });
    await handle.db.update(users).set({ active: true }).where(eq(users.email, 'regisseur@example.org'));
    await handle.db.execute(sql`update organisations set active = false where short_name = 'Reclassering'`);
    expect(await attempt({ email: 'reclassering@example.org', password: DEMO_PASSWORD }, at)).toEqual({ ok: false });
  });
});

describe('brute force', () => {
  it('locks the account after 10 failures: the right password and code fail too, until 15 minutes have passed', async () => {
    const email = 'admin@example.org';
    const start = new Date('2026-11-24T08:00:00Z');
    for (let i = 0; i < SIGN_IN_THROTTLE.accountMaxFailures; i++) {
      expect(await attempt({ email, password: `Fout-${i}-wachtwoord` }, later(start, i * 1000))).toEqual({ ok: false });
    }
    const locked = later(start, minutes(1));
    expect(await accountLockedUntil(handle.db, email, locked)).toEqual(later(start, 9000 + SIGN_IN_THROTTLE.accountLockMs));
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, locked) }, locked)).toEqual({ ok: false });
    const [row] = await queryRows<{ details: { reason: string } }>(
      handle.db,
      sql`select details from audit_log where action = 'sign-in-failed' order by id desc limit 1`,
    );
    expect(row?.details.reason).toBe('locked');

    // After the lock one more failure locks again at once; a success clears the count.
    const free = later(start, minutes(16));
    expect(await attempt({ email, password: 'Nog-steeds-fout' }, free)).toEqual({ ok: false });
    expect(await accountLockedUntil(handle.db, email, later(free, 1000))).not.toBeNull();
    const freeAgain = later(free, minutes(16));
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, freeAgain) }, freeAgain)).toMatchObject({ ok: true });
    expect(await attempt({ email, password: 'Weer-fout-wachtwoord' }, later(freeAgain, 1000))).toEqual({ ok: false });
    expect(await accountLockedUntil(handle.db, email, later(freeAgain, 2000))).toBeNull();
  });

  it('counts wrong codes like wrong passwords, also at the two-factor step', async () => {
    const email = 'regisseur@example.org';
    const start = new Date('2026-11-25T08:00:00Z');
    const half = await attempt({ email, password: DEMO_PASSWORD }, start);
    if (!half.ok) throw new Error('password step failed');
    const pending = { userId: half.claims.userId, sessionId: half.claims.sessionId, email };
    for (let i = 0; i < 9; i++) {
      expect(await asSystem((tx) => completeSignIn(tx, pending, '000000', meta, 'verify', start))).toEqual({ ok: false, ended: false });
    }
    // The tenth wrong code locks the account and ends the half session.
    expect(await asSystem((tx) => completeSignIn(tx, pending, '000000', meta, 'verify', start))).toEqual({ ok: false, ended: true });
    expect(await loadSession(handle.db, half.claims, start)).toBeNull();
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, start) }, start)).toEqual({ ok: false });
  });

  it('locks an unknown account exactly like a real one', async () => {
    const email = 'bestaat-niet@example.org';
    const start = new Date('2026-11-26T08:00:00Z');
    for (let i = 0; i < SIGN_IN_THROTTLE.accountMaxFailures; i++) await attempt({ email, password: `x-${i}` }, start);
    expect(await accountLockedUntil(handle.db, email, start)).not.toBeNull();
  });

  it('lets parallel guesses past the lock no more than the limit allows', async () => {
    const email = 'regisseur2@example.org';
    const start = new Date('2026-11-27T08:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 14 }, (_, i) => attempt({ email, password: `Parallel-${i}` }, start, { ip: `198.51.100.${i}`, userAgent: 'vitest' })),
    );
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    const [counter] = await queryRows<{ hits: number }>(handle.db, sql`select hits from rate_limits where key = ${`account:${email}`}`);
    expect(counter?.hits).toBe(SIGN_IN_THROTTLE.accountMaxFailures);
    expect(await accountLockedUntil(handle.db, email, start)).not.toBeNull();
  });

  it('throttles one address that tries many accounts, and not the others', async () => {
    const start = new Date('2026-11-28T08:00:00Z');
    const spray = { ip: '192.0.2.66', userAgent: 'spray' };
    for (let i = 0; i < SIGN_IN_THROTTLE.ipMaxFailures; i++) {
      await attempt({ email: `spray-${i}@example.org`, password: 'Welkom-2026-abc' }, later(start, i * 100), spray);
    }
    const email = 'politie@example.org';
    const at = later(start, minutes(1));
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, at) }, at, spray)).toEqual({ ok: false });
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, at) }, at, meta)).toMatchObject({ ok: true });
    const after = later(start, minutes(16));
    expect(await attempt({ email, password: DEMO_PASSWORD, code: code(email, after) }, after, spray)).toMatchObject({ ok: true });
  });
});
