import { sql } from 'drizzle-orm';
import { APP_ROLE } from './transaction';
import type { Db, Tx } from './types';

const ROLLBACK = new Error('rollback');

/**
 * For tests: runs `fn` in a transaction that is always rolled back, as the app role for a user (made the
 * user's the way a request's transaction is, drizzle/0053) or for nobody (null), or as the owner of the tables (no role switch, row-level security does not apply).
 */
export async function rolledBack<T>(db: Db, who: string | null | 'owner', fn: (tx: Tx) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      if (who !== 'owner') {
        await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
        if (who) await tx.execute(sql`select app_become(${who}::uuid)`);
      }
      result = await fn(tx);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result as T;
}
