/**
 * How long the app waits for its database, derived from one number (DATABASE_STATEMENT_TIMEOUT_MS): the
 * server cancels a statement or a lock wait after it, ends a session left idle inside a transaction, and
 * the client gives up a little later still (a frozen server or network answers nothing at all), as it
 * does when no pooled connection comes free. 0 turns every bound off (a one-off job that may run long).
 */
export interface DbTimeouts {
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
  /** Client side: an answer that does not come (frozen server, cut network). */
  queryMs: number;
  /** Client side: waiting for a connection of the pool, or for a new one to open. */
  connectMs: number;
}

export function timeoutsFor(statementMs: number): DbTimeouts {
  if (statementMs <= 0) return { statementMs: 0, lockMs: 0, idleInTransactionMs: 0, queryMs: 0, connectMs: 10_000 };
  return {
    statementMs,
    // A little shorter, so that a wait for a lock is reported as one (55P03), not as a slow statement.
    lockMs: statementMs - Math.min(500, Math.round(statementMs / 5)),
    idleInTransactionMs: Math.max(2 * statementMs, 10_000),
    queryMs: statementMs + 2_000,
    connectMs: statementMs,
  };
}

/**
 * The session settings, sent as start-up options so they hold on every connection of the pool, for the
 * statements outside a transaction. A transaction pooler (PgBouncer) drops them (`ignore_startup_parameters
 * = options`): there a server connection serves many clients, so each transaction sets them again itself
 * (transactionSettings).
 */
export function sessionOptions(timeouts: DbTimeouts): string {
  // JIT compilation pays off for long analytic queries only; for this app's short statements it costs more
  // than it saves (700 ms to compile a 20 ms query whose cost estimate row-level security inflated).
  return [
    '-c jit=off',
    `-c statement_timeout=${timeouts.statementMs}`,
    `-c lock_timeout=${timeouts.lockMs}`,
    `-c idle_in_transaction_session_timeout=${timeouts.idleInTransactionMs}`,
  ].join(' ');
}

/**
 * The same bounds for one transaction (`set_config(…, true)` lasts until its end), sent with its BEGIN in
 * one round trip (db/pool.ts). Under PgBouncer's transaction pooling this is what holds them.
 */
export function transactionSettings(timeouts: DbTimeouts): string {
  const settings: [string, string][] = [
    ['jit', 'off'],
    ['statement_timeout', String(timeouts.statementMs)],
    ['lock_timeout', String(timeouts.lockMs)],
    ['idle_in_transaction_session_timeout', String(timeouts.idleInTransactionMs)],
  ];
  return `select ${settings.map(([name, value]) => `set_config('${name}', '${value}', true)`).join(', ')}`;
}

/** The app's requests (5 s unless configured). */
export const APP_STATEMENT_TIMEOUT_MS = 5_000;
