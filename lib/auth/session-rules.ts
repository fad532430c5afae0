import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, TOUCH_INTERVAL_MS } from './policy';

/**
 * The session's clock, shared by the server (which enforces it) and the browser (which warns before it).
 * Pure: every function takes `now`, so a test can run half an hour of typing in a millisecond.
 *
 * - A session ends after IDLE_TIMEOUT_MS without activity, and after ABSOLUTE_LIFETIME_MS whatever happens.
 * - Activity is what the user does, not what the page does: a request, or a keep-alive the browser sends
 *   because the user typed, clicked or scrolled (at most one a minute). So the note-taker typing minutes
 *   for an hour (and the chair clicking through the agenda) stay signed in while the meeting runs, and a
 *   screen left alone still ends after 15 minutes, however long the meeting lasts.
 */

/** What a request with an ended (or no) session hears; the page offers to sign in again in place. */
export const SESSION_EXPIRED_MESSAGE = 'Je sessie is verlopen. Meld je opnieuw aan.';

/** How long before the idle end the browser warns ("Je wordt over 2 minuten afgemeld"). */
export const IDLE_WARNING_MS = 2 * 60 * 1000;
/** At most one keep-alive a minute while the user is active; the server needs no more. */
export const KEEP_ALIVE_INTERVAL_MS = TOUCH_INTERVAL_MS;

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

export interface SessionClock {
  expired: boolean;
  idleEndsAt: Date;
  absoluteEndsAt: Date;
  /** Whichever comes first. */
  endsAt: Date;
}

export function sessionClock(session: SessionTimes, now: Date): SessionClock {
  const idleEndsAt = new Date(session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS);
  const absoluteEndsAt = new Date(session.createdAt.getTime() + ABSOLUTE_LIFETIME_MS);
  const endsAt = idleEndsAt < absoluteEndsAt ? idleEndsAt : absoluteEndsAt;
  return { expired: now.getTime() > endsAt.getTime(), idleEndsAt, absoluteEndsAt, endsAt };
}

/**
 * Whether a request moves `last_seen_at` to `now`: an explicit keep-alive always does (it is activity), any
 * other request only once a minute (turning every read into a write buys nothing), a status check never
 * (asking "how long do I have?" is not activity: an idle screen polling it must still end).
 */
export type TouchMode = 'auto' | 'always' | 'never';

/**
 * Set by the live meeting view for the few seconds of a refresh it makes because an event arrived: such a
 * refresh is the page's doing, not the user's, so it must not keep an unattended screen signed in.
 */
export const PASSIVE_REFRESH_COOKIE = 'casusregie-passive-refresh';
export const PASSIVE_REFRESH_SECONDS = 5;

export function touches(session: SessionTimes, now: Date, mode: TouchMode): boolean {
  if (mode === 'never') return false;
  if (mode === 'always') return true;
  return now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS;
}

/** The browser sends a keep-alive when the user did something since the last one, and a minute has passed. */
export function keepAliveDue(lastSentAt: number, lastActivityAt: number, now: number): boolean {
  return lastActivityAt > lastSentAt && now - lastSentAt >= KEEP_ALIVE_INTERVAL_MS;
}

/** The warning shows in the last two minutes before the end, and not once it has passed. */
export function warningDue(endsAt: number, now: number): boolean {
  return now >= endsAt - IDLE_WARNING_MS && now < endsAt;
}
