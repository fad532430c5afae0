import { count, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { PgViewBase } from 'drizzle-orm/pg-core/view-base';
import type { Tx } from './types';

/**
 * Lists count their matches only this far: an exact count of 140,000 closed cases or 130,000 open signals
 * costs a scan of all of them on every page, and "more than 10,000" tells a regisseur just as well to filter.
 */
export const COUNT_CAP = 10_000;

/** The number of rows matching `where`, but at most `cap + 1`: more than `cap` means "more than the cap". */
export async function countUpTo(tx: Tx, source: PgTable | PgViewBase | SQL, where: SQL | undefined, cap = COUNT_CAP): Promise<number> {
  const matches = tx.select({ one: sql`1`.as('one') }).from(source).where(where).limit(cap + 1).as('matches');
  const [row] = await tx.select({ n: count() }).from(matches);
  return row?.n ?? 0;
}
