import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Keyset pages: the rows after the last one shown, in an order of key columns that all run the same way
 * and ends in a unique column. A row comparison `(a, b, id) > (…)` is what an index on (a, b, id) answers
 * as a range: page 20 reads 50 index entries, as page 1 does, where an offset read and sorted all before it.
 */
export function afterKey(columns: readonly (AnyPgColumn | SQL)[], values: readonly string[], dir: 'asc' | 'desc'): SQL {
  const left = sql.join(columns.map((c) => sql`${c}`), sql`, `);
  // The values go as untyped parameters: each takes the type of its column (timestamps keep microseconds).
  const right = sql.join(values.map((v) => sql`${v}`), sql`, `);
  return dir === 'asc' ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

/** A timestamp as text to the microsecond, in UTC: a JavaScript Date would cut it to milliseconds and skip rows. */
export const exactTime = (column: AnyPgColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00"')`;

/** Any other key column as text, as the cursor carries it. */
export const asText = (column: AnyPgColumn | SQL) => sql<string>`(${column})::text`;
