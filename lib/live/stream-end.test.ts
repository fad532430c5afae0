import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, useFreshDatabase } from '@/db/testing';
import type { DbHandle } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { signInAs } from '@/lib/testing/actors';
import { caseIdsBySubjectName, organisationIdsByShortName } from '@/lib/testing/demo-ids';
import { startLiveMeeting } from '@/lib/testing/live-meeting';
import { openMeetingEvents } from './event-stream';

// When a live meeting's event stream ends by itself (what it delivers while open: ./live-events.test.ts).

// The demo is seeded at this clock and every write passes it: nothing here depends on the real date.
const now = new Date('2026-10-12T08:00:00Z');
const clock = () => now;
let handle: DbHandle;
let politie: Actor;
let meetingId: string;

beforeAll(async () => {
  handle = await useFreshDatabase({ demo: true, now });
  const regisseur = await signInAs('regisseur@example.org');
  politie = await signInAs('politie@example.org');
  const org = await organisationIdsByShortName(handle.db);
  const caseOf = await caseIdsBySubjectName(handle.db);
  meetingId = await startLiveMeeting(regisseur, [org.Politie!, org.Altrecht!], [caseOf['Jan de Vries']!, caseOf['Sem Bakker']!], now);
});
afterAll(() => closeDb());

/** How long the stream took to end, read to its end as a browser would. */
async function msUntilEnd(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<number> {
  const started = Date.now();
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
  }
  return Date.now() - started;
}

describe('a stream that outlives its permission', () => {
  it('ends at the next heartbeat once the user is signed out everywhere', async () => {
    const { endAllSessions } = await import('@/lib/auth/sessions');
    // GGZ's own session ends; its open stream must not keep delivering.
    const care = await signInAs('ggz@example.org');
    const stream = await openMeetingEvents(care, meetingId, { now: clock, heartbeatMs: 100 });
    const reader = stream.getReader();
    await reader.read();
    await handle.db.transaction((tx) => endAllSessions(tx, care.userId));
    expect(await msUntilEnd(reader)).toBeLessThan(3000);
  });
});

describe('an unattended screen', () => {
  it('gets no events once its session passed the idle limit: events do not keep it signed in', async () => {
    const { userSessions } = await import('@/db/schema');
    const police = await signInAs('politie@example.org');
    const stream = await openMeetingEvents(police, meetingId, { now: clock, heartbeatMs: 100 });
    const reader = stream.getReader();
    await reader.read();
    // The last thing the user did was 16 minutes ago (the limit is 15); the stream alone must not extend it.
    await handle.db
      .update(userSessions)
      .set({ lastSeenAt: new Date(Date.now() - 16 * 60 * 1000) })
      .where(eq(userSessions.id, police.sessionId));
    expect(await msUntilEnd(reader)).toBeLessThan(3000);
  });
});

describe('a server that is stopping', () => {
  it('ends its event streams, so the shutdown is not held up and browsers reconnect elsewhere', async () => {
    const { markDraining } = await import('@/lib/house/draining');
    const stream = await openMeetingEvents(politie, meetingId, { now: clock });
    const reader = stream.getReader();
    await reader.read();
    markDraining();
    expect(await msUntilEnd(reader)).toBeLessThan(3000);
  });
});
