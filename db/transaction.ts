import { sql } from 'drizzle-orm';
import { getDb } from './client';
import type { Tx } from './types';

export const APP_ROLE = 'casusregie_app';

/**
 * Runs `fn` in one transaction as the app role with the actor set for row-level security.
 * PGlite runs as superuser, so without the role switch no policy would apply.
 */
export async function asUser<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${APP_ROLE}, true), set_config('app.user_id', ${userId}, true)`,
    );
    return fn(tx);
  });
}

/** For work that has no actor yet or acts for the house itself: sign-in, seeding, scheduled jobs. */
export async function asSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(fn);
}
