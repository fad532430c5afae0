import { and, eq, sql } from 'drizzle-orm';
import { settings as settingsTable } from '@/db/schema';
import { asUser } from '@/db/transaction';
import { enforce } from '@/lib/access/enforce';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, conflict, msg } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { DEFAULT_RETENTION_SETTINGS, RETENTION_SETTINGS_KEY, retentionSettingsSchema, type RetentionSettings } from './settings';
import { parseOrThrow } from '@/lib/validation/parse';

/* Functioneel beheer of the retention terms (settings key 'retention', versioned). Admins only: 404 otherwise. */

async function assertAdmin(actor: Actor, attempted: string): Promise<void> {
  await enforce(actor, 'admin.settings', { entity: 'settings', attempted, kind: 'admin' });
}

export interface RetentionSettingsView {
  settings: RetentionSettings;
  /** 0 while the defaults apply (nothing stored yet). */
  version: number;
  updatedAt: Date | null;
}

export async function readRetentionSettings(actor: Actor): Promise<RetentionSettingsView> {
  await assertAdmin(actor, 'retention.read');
  return asUser(actor.userId, async (tx) => {
    const [row] = await tx.select().from(settingsTable).where(eq(settingsTable.key, RETENTION_SETTINGS_KEY));
    const parsed = retentionSettingsSchema.safeParse(row?.value ?? {});
    return {
      settings: parsed.success ? parsed.data : DEFAULT_RETENTION_SETTINGS,
      version: row?.version ?? 0,
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

export const updateRetentionSettingsSchema = z.strictObject({
  version: z.number({ message: msg('common.versionMissingReload') }).int().min(0),
  settings: retentionSettingsSchema,
});
export type UpdateRetentionSettingsInput = z.input<typeof updateRetentionSettingsSchema>;

/** Stores new terms at the version read (else 409); the next run of the job uses them. Audited. */
export async function updateRetentionSettings(actor: Actor, raw: UpdateRetentionSettingsInput | unknown): Promise<RetentionSettingsView> {
  await assertAdmin(actor, 'retention.update');
  const { version, settings: next } = parseOrThrow(updateRetentionSettingsSchema, raw);
  return asUser(actor.userId, async (tx) => {
    const [row] = await tx.select().from(settingsTable).where(eq(settingsTable.key, RETENTION_SETTINGS_KEY));
    const before = retentionSettingsSchema.safeParse(row?.value ?? {});
    const previous = before.success ? before.data : DEFAULT_RETENTION_SETTINGS;
    const now = new Date();
    const saved =
      version === 0
        ? await tx
            .insert(settingsTable)
            .values({ key: RETENTION_SETTINGS_KEY, value: next, version: 1, updatedAt: now })
            .onConflictDoNothing()
            .returning({ version: settingsTable.version })
        : await tx
            .update(settingsTable)
            .set({ value: next, version: sql`${settingsTable.version} + 1`, updatedAt: now })
            .where(and(eq(settingsTable.key, RETENTION_SETTINGS_KEY), eq(settingsTable.version, version)))
            .returning({ version: settingsTable.version });
    if (saved.length === 0) throw conflict();
    const changed = (Object.keys(next) as (keyof RetentionSettings)[]).filter((k) => next[k] !== previous[k]);
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'settings', entityId: RETENTION_SETTINGS_KEY, details: { changed } });
    return { settings: next, version: saved[0]!.version, updatedAt: now };
  });
}
