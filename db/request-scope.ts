import { AsyncLocalStorage } from 'node:async_hooks';
import type { Tx } from './types';

/*
 * One request's own transaction, opened by the statement that checks its session and makes it the user's
 * (lib/auth/request-actor.ts), and parked until the request's first `asUser` for that user takes it over:
 * so a request becomes its actor and runs its queries without a BEGIN, a role switch or a session read of
 * their own. Any other transaction (`asSystem`, another user) or direct use of the database commits the
 * parked one first, and the request's end commits it when nothing took it: a parked transaction never
 * waits on another (PGlite has one connection) and never outlives its request.
 */

export interface ParkedTransaction {
  tx: Tx;
  userId: string;
  /** Ends the transaction: commit, or roll back with `error`; resolves when the database has answered. */
  end(error?: unknown): Promise<void>;
  taken: boolean;
}

interface RequestScope {
  parked?: ParkedTransaction;
  /** What the request's session check answered (cached for the rest of the request). */
  session?: Promise<unknown>;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` as one request: whatever transaction is still parked at its end is committed. */
export async function inRequestScope<T>(fn: () => Promise<T>): Promise<T> {
  const scope: RequestScope = {};
  try {
    return await storage.run(scope, fn);
  } finally {
    // Only a session touch can be left in it: the answer does not depend on its commit.
    await releaseParked(scope).catch(() => undefined);
  }
}

export function requestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** The parked transaction, if it is this user's and nobody took it yet; taking it is for `asUser` only. */
export function takeParked(userId: string): ParkedTransaction | undefined {
  const parked = storage.getStore()?.parked;
  if (!parked || parked.taken || parked.userId !== userId) return undefined;
  parked.taken = true;
  return parked;
}

/** Commits a parked transaction nobody took, before other work needs the database. */
export async function releaseParked(scope = storage.getStore()): Promise<void> {
  const parked = scope?.parked;
  if (!parked || parked.taken) return;
  parked.taken = true;
  await parked.end();
}
