import { getDbHandle } from '@/db/client';
import type { DbHandle } from '@/db/types';
import { asSystem } from '@/db/transaction';
import { sql } from 'drizzle-orm';
import { log } from '@/lib/log';

/**
 * One LISTEN per process, fanned out to every open event stream of the meeting a notification names.
 * A callback gets `null` when the listening connection came back after an outage: notifications of that
 * time are lost, so every stream catches up from the event table.
 */
type Wake = (eventId: number | null) => void;

interface Hub {
  streams: Map<string, Set<Wake>>;
  ready: Promise<void>;
  sweep?: NodeJS.Timeout;
}

export const CHANNEL = 'meeting_events';
const PRESENCE_SWEEP_MS = 20_000;
const hubs = new WeakMap<DbHandle, Hub>();

function startHub(handle: DbHandle): Hub {
  const hub: Hub = { streams: new Map(), ready: Promise.resolve() };
  const notifications = handle.notifications?.();
  if (notifications) {
    hub.ready = notifications
      .listen(
        CHANNEL,
        (payload) => {
          const [meetingId, id] = payload.split(':');
          for (const wake of hub.streams.get(meetingId ?? '') ?? []) wake(Number(id));
        },
        () => {
          for (const set of hub.streams.values()) for (const wake of set) wake(null);
        },
      )
      .then(() => undefined)
      // Down at the start: the connection retries by itself and its return wakes every stream.
      .catch((error: Error) => log.warn({ error: error.name }, '[live] LISTEN niet gelukt; opnieuw volgt'));
  }
  return hub;
}

function sweepPresence(hub: Hub) {
  if (hub.sweep || hub.streams.size === 0) return;
  hub.sweep = setInterval(() => {
    if (hub.streams.size === 0) {
      clearInterval(hub.sweep);
      hub.sweep = undefined;
      return;
    }
    asSystem((tx) => tx.execute(sql`select meeting_presence_expire(now())`)).catch(() => undefined);
  }, PRESENCE_SWEEP_MS);
  hub.sweep.unref();
}

/** Follows one meeting's events in this process; the returned function stops following. */
export async function followMeeting(meetingId: string, wake: Wake): Promise<() => void> {
  const handle = await getDbHandle();
  let hub = hubs.get(handle);
  if (!hub) hubs.set(handle, (hub = startHub(handle)));
  const set = hub.streams.get(meetingId) ?? new Set<Wake>();
  hub.streams.set(meetingId, set.add(wake));
  sweepPresence(hub);
  await hub.ready;
  const current = hub;
  return () => {
    set.delete(wake);
    if (set.size === 0 && current.streams.get(meetingId) === set) current.streams.delete(meetingId);
  };
}
