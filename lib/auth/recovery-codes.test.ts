/**
 * New recovery codes are a way into the account: the user proves it is them first (password or a current
 * code from the app, in the same request), a wrong answer counts towards the sign-in lock, and the user
 * is told by mail. One clock: everything here runs at NOW or a few seconds after it.
 */
import { and, desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mailOutbox } from '@/db/schema';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { asSystem } from '@/db/transaction';
import type { DbHandle } from '@/db/types';
import { DEMO_PASSWORD, DEMO_TOTP_SECRETS } from '@/lib/seed/demo-data';
import { signInWithCredentials } from './credentials';
import { CONFIRMATION_WRONG, regenerateRecoveryCodes } from './second-factor';
import { resolveSession, type Actor } from './sessions';
import { accountLockedUntil, SIGN_IN_THROTTLE } from './throttle';
import { TOTP_PERIOD_SECONDS, timeStep, totpCode } from './totp';

const NOW = new Date('2026-03-10T10:00:05+01:00');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const meta = { ip: '203.0.113.7', userAgent: 'vitest' };

let handle: DbHandle;
beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now: NOW });
});
afterAll(() => closeDb());

/** Signs in with password and code at `when` (the code of that moment) and returns the actor. */
async function signIn(email: string, when: Date): Promise<Actor> {
  return asSystem(async (tx) => {
    const code = totpCode(DEMO_TOTP_SECRETS[email]!, timeStep(when));
    const result = await signInWithCredentials(tx, { email, password: DEMO_PASSWORD, code }, meta, when);
    if (!result.ok || result.stage !== 'verified') throw new Error(`sign-in failed for ${email}`);
    return (await resolveSession(tx, result.claims, when))!;
  });
}

const regenerate = (actor: Actor, confirmation: unknown, when: Date) =>
  asSystem((tx) => regenerateRecoveryCodes(tx, actor, { confirmation }, when));

/** Whether a recovery code still signs the account in (it is used up when it does). */
const codeWorks = async (email: string, code: string, when: Date) =>
  (await asSystem((tx) => signInWithCredentials(tx, { email, password: DEMO_PASSWORD, code }, meta, when))).ok;

const mailsTo = (email: string) =>
  handle.db
    .select({ subject: mailOutbox.subject, body: mailOutbox.bodyText })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toEmail, email), like(mailOutbox.subject, '%herstelcodes%')));

describe('new recovery codes', () => {
  it('are refused without the password or a current code, and the old codes keep working', async () => {
    const email = 'manager@example.org';
    const actor = await signIn(email, NOW);
    const first = await regenerate(actor, DEMO_PASSWORD, at(1));
    if (!first.ok) throw new Error('expected codes');

    expect(await regenerate(actor, '', at(2))).toEqual({ ok: false, fieldErrors: { confirmation: ['Vul je wachtwoord of een code uit je authenticator-app in.'] } });
    expect(await regenerate(actor, 'Raden-maar-2026', at(3))).toEqual({ ok: false, fieldErrors: { confirmation: [CONFIRMATION_WRONG] } });
    expect(await regenerate(actor, '000000', at(4))).toEqual({ ok: false, fieldErrors: { confirmation: [CONFIRMATION_WRONG] } });
    expect(CONFIRMATION_WRONG).toBe('Dit wachtwoord of deze code klopt niet.');
    // Nothing was replaced: a code of the first set still signs in.
    expect(await codeWorks(email, first.codes[0]!, at(5))).toBe(true);
    const [denied] = await handle.db
      .select({ outcome: auditLog.outcome })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'recovery-codes'), eq(auditLog.userId, actor.userId)))
      .orderBy(desc(auditLog.id));
    expect(denied).toEqual({ outcome: 'denied' });
  });

  it('are made with the password: the old ones stop working, and the user gets a mail without codes', async () => {
    const email = 'regisseur@example.org';
    const actor = await signIn(email, NOW);
    const old = await regenerate(actor, DEMO_PASSWORD, at(1));
    const fresh = await regenerate(actor, DEMO_PASSWORD, at(2));
    if (!old.ok || !fresh.ok) throw new Error('expected codes');
    expect(fresh.codes).toHaveLength(10);
    expect(await codeWorks(email, old.codes[0]!, at(3))).toBe(false);
    expect(await codeWorks(email, fresh.codes[0]!, at(4))).toBe(true);

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe('Nieuwe herstelcodes voor je account in Casusregie');
    expect(mails[0]!.body).toContain('Je oude herstelcodes werken niet meer.');
    for (const code of [...old.codes, ...fresh.codes]) expect(mails.map((m) => m.body).join('\n')).not.toContain(code);
  });

  it('are made with a current code from the app, which then cannot be used again', async () => {
    const email = 'ggz@example.org';
    const actor = await signIn(email, NOW);
    const later = new Date(NOW.getTime() + 2 * TOTP_PERIOD_SECONDS * 1000);
    const code = totpCode(DEMO_TOTP_SECRETS[email]!, timeStep(later));
    expect((await regenerate(actor, code, later)).ok).toBe(true);
    expect(await regenerate(actor, code, new Date(later.getTime() + 1000))).toEqual({ ok: false, fieldErrors: { confirmation: [CONFIRMATION_WRONG] } });
  });

  it('count wrong answers towards the sign-in lock, after which even the right password is refused', async () => {
    const email = 'politie@example.org';
    const actor = await signIn(email, NOW);
    for (let i = 0; i < SIGN_IN_THROTTLE.accountMaxFailures; i++) {
      expect((await regenerate(actor, `Verkeerd-wachtwoord-${i}`, at(1 + i))).ok).toBe(false);
    }
    expect(await asSystem((tx) => accountLockedUntil(tx, email, at(20)))).not.toBeNull();
    expect(await regenerate(actor, DEMO_PASSWORD, at(21))).toEqual({ ok: false, fieldErrors: { confirmation: [CONFIRMATION_WRONG] } });
    // Signing in is locked as well: the guesses were counted against the account.
    expect((await asSystem((tx) => signInWithCredentials(tx, { email, password: DEMO_PASSWORD, code: totpCode(DEMO_TOTP_SECRETS[email]!, timeStep(at(22))) }, meta, at(22)))).ok).toBe(false);
    expect(await mailsTo(email)).toHaveLength(0);
  });
});
