import type { BulkSession } from './bulk';

/**
 * PostgreSQL's own advice for a bulk load ("Populating a Database"): drop the secondary indexes and the
 * foreign keys of the tables being filled, load, then build the indexes in one sorted pass and add the
 * foreign keys back, which validates every row in one join instead of one trigger call per row. All of
 * it happens inside the load's transaction: other sessions never see a table without its index or
 * constraint (they wait for the lock), and a row that breaks a constraint rolls the whole load back.
 * Primary keys stay: other tables' foreign keys depend on them.
 */
export async function suspendChecks(session: BulkSession, tables: readonly string[]): Promise<() => Promise<void>> {
  const foreignKeys = await session.query<{ table: string; name: string; definition: string }>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
     from pg_constraint c where c.contype = 'f' and c.conrelid = any($1::regclass[]) order by c.conname`,
    [tables],
  );
  const indexes = await session.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i
     where i.indrelid = any($1::regclass[]) and not i.indisprimary
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
     order by 1`,
    [tables],
  );
  for (const fk of foreignKeys) await session.query(`alter table ${fk.table} drop constraint ${quote(fk.name)}`);
  for (const index of indexes) await session.query(`drop index ${index.name}`);
  return async () => {
    // Sorting for an index build is the one place where more memory helps a lot.
    await session.query(`set local maintenance_work_mem = '512MB'`);
    for (const index of indexes) await session.query(index.definition);
    for (const fk of foreignKeys) await session.query(`alter table ${fk.table} add constraint ${quote(fk.name)} ${fk.definition}`);
  };
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
