import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/types';

/**
 * Puts rows the sweep is about to write into a temporary table of this transaction, and ANALYZEs it.
 *
 * Why: a statement that writes `signals` and also reads it (an anti-join, an update from a self-join) is
 * planned for the size the table has when it starts. On a first sweep after a bulk load that is empty, and
 * a nested loop over its heap then rescans every row the statement itself adds: quadratic (836 s for
 * 130,912 signals at 200,000 cases). Staged and analyzed, the rows to write have a known count of their own,
 * every check against `signals` runs before the write in a statement that leaves the table as it is, and
 * the write itself reads only the staged rows (and its unique index, per row).
 */
export async function stage(tx: Executor, table: string, columns: SQL, rows: readonly object[]): Promise<void> {
  const name = sql.identifier(table);
  await tx.execute(sql`drop table if exists pg_temp.${name}`);
  await tx.execute(
    sql`create temp table ${name} on commit drop as select * from json_to_recordset(${JSON.stringify(rows)}::json) as r(${columns})`,
  );
  await tx.execute(sql`analyze pg_temp.${name}`);
}
