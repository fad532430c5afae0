import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/query';
import { users, userTotp } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { asSystem } from '@/db/transaction';
import type { DbHandle } from '@/db/types';
import { AppError } from '@/lib/errors';
import { DEMO_PASSWORD } from '@/lib/seed/demo-data';
import { databaseError } from '@/lib/testing/db-error';
import { signInAs } from '@/lib/testing/actors';
import { completeSignIn, signInWithCredentials } from './credentials';
import { regenerateRecoveryCodes, resetSecondFactor, startEnrolment, unusedRecoveryCodes } from './second-factor';
import { loadSession, resolveSession } from './sessions';
import { timeStep, totpCode } from './totp';

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true });
});
afterAll(() => closeDb());

const meta = { ip: '203.0.113.9', userAgent: 'vitest' };
const userId = async (email: string) => (await handle.db.select().from(users).where(eq(users.email, email)))[0]!.id;

describe('enrolment on first sign-in', () => {
  it('leads an account without a second factor from the password to setting up the app, then to a full session', async () => {
    const email = 'ggz@example.org';
    // An account as an admin would create it: no second factor yet.
    await handle.db.delete(userTotp).where(eq(userTotp.userId, await userId(email)));
    const half = await asSystem((tx) => signInWithCredentials(tx, { email, password: DEMO_PASSWORD, code: '123456' }, meta));
    expect(half).toMatchObject({ ok: true, stage: 'enrolment' });
    if (!half.ok) return;
    expect(await resolveSession(handle.db, half.claims)).toBeNull();
    expect(await loadSession(handle.db, half.claims)).toMatchObject({ stage: 'enrolment' });

    // Showing the page twice shows the same secret; it is not active yet.
    const { secret } = await startEnrolment(handle.db, half.claims.userId);
    expect((await startEnrolment(handle.db, half.claims.userId)).secret).toBe(secret);
    const pending = { userId: half.claims.userId, sessionId: half.claims.sessionId, email };
    const now = new Date();
    expect(await asSystem((tx) => completeSignIn(tx, pending, '000000', meta, 'enrol', now))).toEqual({ ok: false, ended: false });
    const done = await asSystem((tx) => completeSignIn(tx, pending, totpCode(secret, timeStep(now)), meta, 'enrol', now));
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.recoveryCodes).toHaveLength(10);
    expect(await unusedRecoveryCodes(handle.db, half.claims.userId)).toBe(10);
    expect(await resolveSession(handle.db, done.claims)).toMatchObject({ email });
    expect(await loadSession(handle.db, half.claims)).toBeNull();
    // Once set up, the enrolment step is closed.
    await expect(startEnrolment(handle.db, half.claims.userId)).rejects.toBeInstanceOf(AppError);
    const [audit] = await queryRows<{ entity: string }>(
      handle.db,
      sql`select entity from audit_log where action = 'create' and entity = 'second-factor' and user_id = ${half.claims.userId}`,
    );
    expect(audit).toEqual({ entity: 'second-factor' });
  });

  it('makes new recovery codes on request: the old ones stop working', async () => {
    const actor = await signInAs('manager@example.org');
    const regenerate = async () => {
      const made = await asSystem((tx) => regenerateRecoveryCodes(tx, actor, { confirmation: DEMO_PASSWORD }));
      if (!made.ok) throw new Error('expected codes');
      return made.codes;
    };
    const first = await regenerate();
    const second = await regenerate();
    expect(second).not.toEqual(first);
    const spent = await asSystem((tx) =>
      signInWithCredentials(tx, { email: 'manager@example.org', password: DEMO_PASSWORD, code: first[0] }, meta),
    );
    expect(spent).toEqual({ ok: false });
    const fresh = await asSystem((tx) =>
      signInWithCredentials(tx, { email: 'manager@example.org', password: DEMO_PASSWORD, code: second[0] }, meta),
    );
    expect(fresh).toMatchObject({ ok: true, stage: 'verified' });
  });
});

describe('re-enrolment by an admin', () => {
  it('removes the second factor, ends every session of the user, and is audited', async () => {
    const admin = await signInAs('admin@example.org');
    const politie = await signInAs('politie@example.org');
    await asSystem((tx) => resetSecondFactor(tx, admin, politie.userId));
    expect(await resolveSession(handle.db, { userId: politie.userId, sessionId: politie.sessionId, sessionVersion: 1 })).toBeNull();
    const next = await asSystem((tx) =>
      signInWithCredentials(tx, { email: 'politie@example.org', password: DEMO_PASSWORD, code: '123456' }, meta),
    );
    expect(next).toMatchObject({ ok: true, stage: 'enrolment' });
    const [entry] = await queryRows<{ entity_id: string; user_id: string }>(
      handle.db,
      sql`select entity_id, user_id from audit_log where entity = 'second-factor' and action = 'update' order by id desc limit 1`,
    );
    expect(entry).toEqual({ entity_id: politie.userId, user_id: admin.userId });
  });

  it('is refused to anyone but an admin', async () => {
    const regisseur = await signInAs('regisseur@example.org');
    const error = await asSystem((tx) => resetSecondFactor(tx, regisseur, regisseur.userId)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
  });
});

describe('the app role', () => {
  it('cannot read or change second factors, recovery codes or throttle counters', async () => {
    const regisseur = await signInAs('regisseur@example.org');
    for (const table of ['user_totp', 'recovery_codes', 'rate_limits']) {
      const probe = handle.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'casusregie_app', true), set_config('app.user_id', ${regisseur.userId}, true)`);
        await tx.execute(sql.raw(`select * from ${table}`));
      });
      expect(await databaseError(probe)).toMatch(/permission denied/);
    }
    const write = handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'casusregie_app', true), set_config('app.user_id', ${regisseur.userId}, true)`);
      await tx.execute(sql`delete from rate_limits`);
    });
    expect(await databaseError(write)).toMatch(/permission denied/);
  });
});
