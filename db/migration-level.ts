import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder } from './open';
import { queryRows } from './query';
import type { Executor } from './types';

interface JournalEntry {
  tag: string;
  when: number;
}

function journal(): JournalEntry[] {
  const file = path.join(migrationsFolder, 'meta', '_journal.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: JournalEntry[] }).entries;
}

export type MigrationLevel =
  | { state: 'current'; tag: string }
  | { state: 'empty'; expected: string }
  | { state: 'behind'; at: string; expected: string; missing: number }
  | { state: 'ahead'; at: string; expected: string };

/**
 * Where the database's migrations stand against drizzle/: Drizzle records each applied migration in
 * drizzle.__drizzle_migrations with the journal's `when`, and applies whatever is newer than the last one.
 */
export async function migrationLevel(db: Executor): Promise<MigrationLevel> {
  const entries = journal();
  const expected = entries.at(-1)!;
  const [table] = await queryRows<{ exists: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`);
  const [last] = table?.exists
    ? await queryRows<{ at: string | null }>(db, sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`)
    : [];
  if (!last?.at) return { state: 'empty', expected: expected.tag };
  const at = Number(last.at);
  const known = entries.find((e) => e.when === at);
  if (at > expected.when || !known) return { state: 'ahead', at: known?.tag ?? `een migratie van ${new Date(at).toISOString()}`, expected: expected.tag };
  if (at < expected.when) return { state: 'behind', at: known.tag, expected: expected.tag, missing: entries.filter((e) => e.when > at).length };
  return { state: 'current', tag: expected.tag };
}
