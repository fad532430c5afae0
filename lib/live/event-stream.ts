import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { meetings, organisations, userSessions, users } from '@/db/schema';
import { asSystem, asUser } from '@/db/transaction';
import { sessionClock } from '@/lib/auth/session-rules';
import type { Actor } from '@/lib/actor';
import { isDraining } from '@/lib/house/draining';
import { log } from '@/lib/log';
import { withMeeting } from '@/lib/meetings/access';
import { eventsAfter, formatEvent, latestEventId, parseCursor } from './events';
import { followMeeting } from './hub';
import { leavePresence, touchPresence } from './presence';

export interface StreamOptions {
  /** Last-Event-ID of a reconnect, or `?after=` (the newest id the page was rendered with). */
  after?: string | null;
  signal?: AbortSignal;
  now?: () => Date;
  heartbeatMs?: number;
  presenceMs?: number;
}

const RETRY_MS = 3000;
const encoder = new TextEncoder();

/**
 * A meeting's live events as Server-Sent Events, for whoever may read the meeting (else 404, before any
 * byte). It sends every event after the cursor, then follows: a notification only wakes the stream, which
 * reads what this reader may see from the table, so a replay and a live event pass the same access check.
 */
export async function openMeetingEvents(actor: Actor, meetingId: unknown, options: StreamOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const requested = parseCursor(options.after);
  const { id, latest } = await withMeeting(actor, meetingId, 'read', async (tx, meeting) => ({
    id: meeting.id,
    latest: requested === undefined ? await latestEventId(tx, meeting.id) : 0,
  }));
  let cursor = requested ?? latest;
  const now = options.now ?? (() => new Date());
  const connectionId = randomUUID();
  let stop: (() => void) | undefined;
  let timers: NodeJS.Timeout[] = [];
  let closed = false;
  let finished = false;
  let pumping: Promise<void> | undefined;
  let again = false;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        finish();
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      const pump = (): Promise<void> => {
        if (pumping) {
          again = true;
          return pumping;
        }
        pumping = (async () => {
          do {
            again = false;
            for (;;) {
              const batch = await asUser(actor.userId, (tx) => eventsAfter(tx, id, cursor));
              for (const event of batch) {
                send(formatEvent(event));
                cursor = event.id;
              }
              if (batch.length < 200 || closed) break;
            }
          } while (again && !closed);
        })()
          .catch((error: Error) => log.warn({ error: error.name }, '[live] gebeurtenissen niet gelezen; volgende poging bij de hartslag'))
          .finally(() => {
            pumping = undefined;
          });
        return pumping;
      };
      const touch = () =>
        asUser(actor.userId, (tx) => touchPresence(tx, id, connectionId, now())).catch((error: Error) =>
          log.warn({ error: error.name }, '[live] aanwezigheid niet bijgewerkt'),
        );

      send(`retry: ${RETRY_MS}\n: verbonden\n\n`);
      options.signal?.addEventListener('abort', close, { once: true });
      stop = await followMeeting(id, () => void pump());
      // Closed while it was being set up: finish() ran before there was anything to stop.
      if (closed) return stop();
      await touch();
      await pump();
      if (closed) return;
      timers = [
        // The heartbeat keeps proxies from closing an idle stream, and catches up on anything a lost
        // notification left behind.
        setInterval(() => {
          send(': hartslag\n\n');
          stillAllowed(actor, id, new Date())
            .then((allowed) => (allowed ? pump() : close()))
            .catch(() => undefined);
        }, options.heartbeatMs ?? 15_000),
        setInterval(() => void touch(), options.presenceMs ?? 20_000),
        // A stopping server ends its streams, so its shutdown is not held up; browsers reconnect to another
        // instance after `retry` and replay from Last-Event-ID.
        setInterval(() => {
          if (isDraining()) close();
        }, 1000),
      ];
    },
    cancel() {
      closed = true;
      finish();
    },
  });

  function finish() {
    if (finished) return;
    finished = true;
    for (const t of timers) clearInterval(t);
    timers = [];
    stop?.();
    asUser(actor.userId, (tx) => leavePresence(tx, connectionId)).catch(() => undefined);
  }
}

/**
 * A stream outlives the request that checked it: at every heartbeat the session must still stand (not signed
 * out everywhere, not ended by the idle or absolute limit, account and organisation active) and the meeting still be visible (invitation withdrawn).
 */
async function stillAllowed(actor: Actor, meetingId: string, now: Date): Promise<boolean> {
  const [session] = await asSystem((tx) =>
    tx
      .select({ createdAt: userSessions.createdAt, lastSeenAt: userSessions.lastSeenAt })
      .from(userSessions)
      .innerJoin(users, eq(users.id, userSessions.userId))
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(userSessions.id, actor.sessionId), isNull(userSessions.revokedAt), eq(users.active, true), eq(organisations.active, true))),
  );
  // Events do not keep a session alive: an unattended screen's stream ends with its idle limit.
  if (!session || sessionClock(session, now).expired) return false;
  const visible = await asUser(actor.userId, (tx) => tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)));
  return visible.length > 0;
}
