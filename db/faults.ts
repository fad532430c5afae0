/**
 * Which failures are the database's being away or too slow, not a bug: those answer 503 with Retry-After
 * (lib/http/respond.ts), a form says to try again (lib/forms/action-state.ts), and every log line names
 * the kind. Recognised by error code where the driver gives one, else by node-postgres's fixed messages.
 */
export type DbFaultKind = 'db_unavailable' | 'pool_timeout' | 'statement_timeout';

const CODES: Record<string, DbFaultKind> = {
  // The network or the server is gone.
  ECONNREFUSED: 'db_unavailable',
  ECONNRESET: 'db_unavailable',
  ETIMEDOUT: 'db_unavailable',
  EPIPE: 'db_unavailable',
  EHOSTUNREACH: 'db_unavailable',
  ENETUNREACH: 'db_unavailable',
  ENOTFOUND: 'db_unavailable',
  EAI_AGAIN: 'db_unavailable',
  // PostgreSQL: class 08 connection exception, 57P0x shut down or starting, too many connections.
  '08000': 'db_unavailable',
  '08001': 'db_unavailable',
  '08003': 'db_unavailable',
  '08004': 'db_unavailable',
  '08006': 'db_unavailable',
  '57P01': 'db_unavailable',
  '57P02': 'db_unavailable',
  '57P03': 'db_unavailable',
  '53300': 'db_unavailable',
  // A bounded wait ran out: statement_timeout (57014), lock_timeout (55P03), idle in transaction (25P03).
  '57014': 'statement_timeout',
  '55P03': 'statement_timeout',
  '25P03': 'statement_timeout',
};

const MESSAGES: [RegExp, DbFaultKind][] = [
  [/^timeout exceeded when trying to connect$/, 'pool_timeout'],
  [/^Query read timeout$/, 'statement_timeout'],
  [/^Connection terminated/, 'db_unavailable'],
  [/not queryable|Cannot use a pool after calling end/, 'db_unavailable'],
];

/** The kind of database fault `error` (or what it wraps) is, or undefined for any other error. */
export function databaseFault(error: unknown, depth = 0): DbFaultKind | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && Object.hasOwn(CODES, code)) return CODES[code];
  if (typeof message === 'string') {
    const hit = MESSAGES.find(([pattern]) => pattern.test(message));
    if (hit) return hit[1];
  }
  // Drizzle wraps the driver's error in `cause`; a refused connection to several addresses is an AggregateError.
  for (const inner of [cause, ...(Array.isArray(errors) ? errors : [])]) {
    const kind = databaseFault(inner, depth + 1);
    if (kind) return kind;
  }
  return undefined;
}
