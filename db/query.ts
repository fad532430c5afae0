import type { SQL } from 'drizzle-orm';
import type { Executor } from './types';

/** Raw SQL rows; both drivers answer `{ rows }`, but the shared database type cannot say so. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
