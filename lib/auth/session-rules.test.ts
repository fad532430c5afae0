import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import { closeDb, useFreshDatabase } from '@/db/testing';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS } from './policy';
import { IDLE_WARNING_MS, keepAliveDue, sessionClock, warningDue } from './session-rules';
import { createSession, loadSession, type SessionClaims } from './sessions';

const NOW = new Date('2026-03-04T09:00:00+01:00');
const MINUTE = 60 * 1000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);

describe('the session clock (pure)', () => {
  it('ends 15 idle minutes after the last activity, or 10 hours after sign-in, whichever comes first', () => {
    expect(sessionClock({ createdAt: NOW, lastSeenAt: NOW }, at(15)).expired).toBe(false);
    expect(sessionClock({ createdAt: NOW, lastSeenAt: NOW }, at(15.01)).expired).toBe(true);
    const busy = { createdAt: NOW, lastSeenAt: at(599) };
    expect(sessionClock(busy, at(600)).expired).toBe(false);
    expect(sessionClock(busy, at(600.01)).expired).toBe(true);
    expect(sessionClock(busy, at(600)).endsAt).toEqual(new Date(NOW.getTime() + ABSOLUTE_LIFETIME_MS));
  });

  it('warns in the last two minutes, not before and not after', () => {
    const endsAt = at(15).getTime();
    expect(warningDue(endsAt, at(12.9).getTime())).toBe(false);
    expect(warningDue(endsAt, endsAt - IDLE_WARNING_MS)).toBe(true);
    expect(warningDue(endsAt, at(14.9).getTime())).toBe(true);
    expect(warningDue(endsAt, endsAt)).toBe(false);
  });

  it('sends a keep-alive at most once a minute, and only after activity', () => {
    const sent = NOW.getTime();
    expect(keepAliveDue(sent, sent + 10_000, sent + 59_000)).toBe(false);
    expect(keepAliveDue(sent, sent + 10_000, sent + 60_000)).toBe(true);
    // Nothing typed or clicked since the last one: an idle screen sends nothing, however long it stays open.
    expect(keepAliveDue(sent, sent - 1, sent + 30 * MINUTE)).toBe(false);
  });
});

describe('the session in the database, on a frozen clock', () => {
  let claims: SessionClaims;

  beforeAll(async () => {
    await useFreshDatabase({ demo: true, now: NOW });
  });
  afterAll(() => closeDb());

  async function signIn(now: Date): Promise<SessionClaims> {
    return asSystem(async (tx) => {
      const [user] = await tx.select({ id: users.id, sv: users.sessionVersion }).from(users).where(eq(users.email, 'regisseur2@example.org'));
      const sessionId = await createSession(tx, user!.id, {}, { verified: true, now });
      return { userId: user!.id, sessionId, sessionVersion: user!.sv };
    });
  }
  const load = (now: Date, touch: 'auto' | 'always' | 'never' = 'auto') => asSystem((tx) => loadSession(tx, claims, now, touch));

  it('the note-taker survives 30 minutes of typing: the browser sends a keep-alive each minute of activity', async () => {
    claims = await signIn(NOW);
    for (let minute = 1; minute <= 30; minute++) {
      const state = await load(at(minute), 'always');
      expect(state?.stage, `minute ${minute}`).toBe('verified');
    }
    const after = await load(at(30.5), 'never');
    expect(after?.stage).toBe('verified');
    // The warning would come two minutes before 15 minutes after the last keep-alive.
    expect(after?.stage === 'verified' && after.clock.idleEndsAt).toEqual(new Date(at(30).getTime() + IDLE_TIMEOUT_MS));
  });

  it('an idle screen ends after 15 minutes, even while it keeps asking how long it has', async () => {
    claims = await signIn(NOW);
    for (let minute = 1; minute <= 15; minute++) expect((await load(at(minute), 'never'))?.stage).toBe('verified');
    expect(await load(at(15.5), 'never')).toBeNull();
    // Ended is ended: a keep-alive afterwards does not bring it back.
    expect(await load(at(15.6), 'always')).toBeNull();
  });

  it('activity does not stretch the absolute limit of 10 hours', async () => {
    claims = await signIn(NOW);
    for (let minute = 14; minute < 600; minute += 14) expect((await load(at(minute), 'always'))?.stage).toBe('verified');
    expect((await load(at(599.9), 'always'))?.stage).toBe('verified');
    expect(await load(at(600.1), 'always')).toBeNull();
  });
});
