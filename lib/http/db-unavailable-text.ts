import { msg, render } from '@/lib/errors';

// Apart from db-unavailable.ts, which needs next/server: scripts/serve.ts may not load that before Next starts.

/** Long enough for a restarted server or a freed pool, short enough that a client does not give up. */
export const RETRY_AFTER_SECONDS = 5;

/** In Dutch: scripts/serve.ts answers it before Next (and any locale negotiation) is up. */
export const DB_UNAVAILABLE_MESSAGE = render(msg('http.databaseAway'));
