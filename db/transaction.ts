import { sql } from 'drizzle-orm';
import { beginWithStorage, type BeginWith } from './begin-with';
import { getDb, getDbHandle } from './client';
import { requestScope, takeParked, type ParkedTransaction } from './request-scope';
import type { Tx } from './types';

export const APP_ROLE = 'casusregie_app';

/**
 * Runs `fn` in one transaction as the app role with the actor set for row-level security.
 * PGlite runs as superuser, so without the role switch no policy would apply. The request's first
 * transaction for its actor is the one its session check opened (db/request-scope.ts): already the
 * user's, so `fn` runs in it without a BEGIN or a role switch of its own.
 */
export async function asUser<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const parked = takeParked(userId);
  if (parked) return finishIn(parked, fn);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${APP_ROLE}, true), app_become(${userId}::uuid)`,
    );
    return fn(tx);
  });
}

async function finishIn<T>(parked: ParkedTransaction, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let value: T;
  try {
    value = await fn(parked.tx);
  } catch (error) {
    await parked.end(error).catch(() => undefined);
    throw error;
  }
  await parked.end();
  return value;
}

/**
 * Opens the request's transaction with `first` (the session check), and keeps it open for the request's
 * first `asUser(userId)` when `first` made it that user's (`userOf` names them); otherwise commits at once.
 * Outside a request scope it is simply one transaction.
 */
export async function openRequestTransaction<T>(
  first: (tx: Tx, sentWithBegin?: Record<string, unknown>[]) => Promise<T>,
  userOf: (value: T) => string | null,
  withBegin?: string,
): Promise<T> {
  const db = await getDb();
  const scope = requestScope();
  // On PostgreSQL `withBegin` (the first statement, parameters inlined) travels with the BEGIN: one round trip.
  const tail: BeginWith | undefined = withBegin && (await getDbHandle()).kind === 'postgres' ? { text: withBegin, sent: false } : undefined;
  const open = (fn: (tx: Tx) => Promise<void>) => (tail ? beginWithStorage.run(tail, () => db.transaction(fn)) : db.transaction(fn));
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const done = open(async (tx) => {
      const value = await first(tx, tail?.rows);
      const userId = userOf(value);
      if (!scope || !userId) {
        settled = true;
        resolve(value);
        return;
      }
      let finish!: (error?: unknown) => void;
      const ended = new Promise<void>((res, rej) => {
        finish = (error) => (error === undefined ? res() : rej(error));
      });
      scope.parked = {
        tx,
        userId,
        taken: false,
        end: (error) => {
          finish(error ?? undefined);
          return done.then(() => undefined, (failure: unknown) => (error === undefined ? Promise.reject(failure) : undefined));
        },
      };
      settled = true;
      resolve(value);
      await ended;
    });
    done.catch((error: unknown) => {
      if (!settled) reject(error);
    });
  });
}

/** For work that has no actor yet or acts for the house itself: sign-in, seeding, scheduled jobs. */
export async function asSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(fn);
}
