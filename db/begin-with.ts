import { AsyncLocalStorage } from 'node:async_hooks';

/*
 * A statement sent in the same round trip as its transaction's BEGIN (db/pool.ts, PostgreSQL only): the
 * request's session check (lib/auth/request-actor path in db/transaction.ts). Its text has no parameters
 * (the values are inlined as literals by the caller) because only a simple query can carry several
 * statements; its rows are handed back here.
 */
export interface BeginWith {
  text: string;
  sent: boolean;
  rows?: Record<string, unknown>[];
}

export const beginWithStorage = new AsyncLocalStorage<BeginWith>();

/** Called by the pool for a BEGIN without parameters: the text to append, once per store. */
export function takeBeginTail(): BeginWith | undefined {
  const store = beginWithStorage.getStore();
  if (!store || store.sent) return undefined;
  store.sent = true;
  return store;
}
