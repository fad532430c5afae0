/** Session limits, enforced on the server for every request (BIO: automatic sign-out on inactivity). */
export const IDLE_TIMEOUT_MS = 15 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 10 * 60 * 60 * 1000;
// Touching last_seen_at on every request would turn each read into a write; a minute of slack is fine.
export const TOUCH_INTERVAL_MS = 60 * 1000;
/** A session that has passed the password but not the second factor lasts this long, then ends. */
export const PENDING_LIFETIME_MS = 10 * 60 * 1000;
