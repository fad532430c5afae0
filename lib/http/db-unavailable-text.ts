// Apart from db-unavailable.ts, which needs next/server: scripts/serve.ts may not load that before Next starts.

/** Long enough for a restarted server or a freed pool, short enough that a client does not give up. */
export const RETRY_AFTER_SECONDS = 5;

export const DB_UNAVAILABLE_MESSAGE = 'De database is even niet bereikbaar of te druk. Probeer het over enkele seconden opnieuw.';
