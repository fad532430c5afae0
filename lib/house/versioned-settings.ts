import { and, eq, sql } from 'drizzle-orm';
import { settings as settingsTable } from '@/db/schema';
import type { Tx } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { conflict } from '@/lib/errors';
import type { z } from '@/lib/validation/zod';

/*
 * A group of settings stored as one versioned row of `settings` (stagnation thresholds, retention terms):
 * the defaults apply until an admin first saves, and each save must name the version it read.
 */

export interface SettingsView<T> {
  settings: T;
  /** 0 while the defaults apply (nothing stored yet). */
  version: number;
  updatedAt: Date | null;
}

/** The stored settings under `key`, or the defaults where nothing valid is stored. */
export async function readSettings<T>(tx: Tx, key: string, schema: z.ZodType<T>, defaults: T): Promise<SettingsView<T>> {
  const [row] = await tx.select().from(settingsTable).where(eq(settingsTable.key, key));
  const parsed = schema.safeParse(row?.value ?? {});
  return { settings: parsed.success ? parsed.data : defaults, version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null };
}

/** Stores `next` at the version read (else 409), audited with the names of the settings that changed. */
export async function writeSettings<T extends object>(
  tx: Tx,
  actor: Actor,
  key: string,
  schema: z.ZodType<T>,
  defaults: T,
  { version, settings: next }: { version: number; settings: T },
): Promise<SettingsView<T>> {
  const { settings: previous } = await readSettings(tx, key, schema, defaults);
  const now = new Date();
  const saved =
    version === 0
      ? await tx
          .insert(settingsTable)
          .values({ key, value: next, version: 1, updatedAt: now })
          .onConflictDoNothing()
          .returning({ version: settingsTable.version })
      : await tx
          .update(settingsTable)
          .set({ value: next, version: sql`${settingsTable.version} + 1`, updatedAt: now })
          .where(and(eq(settingsTable.key, key), eq(settingsTable.version, version)))
          .returning({ version: settingsTable.version });
  if (saved.length === 0) throw conflict();
  const changed = (Object.keys(next) as (keyof T)[]).filter((k) => next[k] !== previous[k]);
  await audit(tx, subjectOf(actor), { action: 'update', entity: 'settings', entityId: key, details: { changed } });
  return { settings: next, version: saved[0]!.version, updatedAt: now };
}
