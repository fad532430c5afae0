import { asUser } from '@/db/transaction';
import { enforce } from '@/lib/access/enforce';
import type { Actor } from '@/lib/actor';
import { msg } from '@/lib/errors';
import { readSettings, writeSettings, type SettingsView } from '@/lib/house/versioned-settings';
import { z } from '@/lib/validation/zod';
import { DEFAULT_RETENTION_SETTINGS, RETENTION_SETTINGS_KEY, retentionSettingsSchema, type RetentionSettings } from './settings';
import { parseOrThrow } from '@/lib/validation/parse';

/* Functioneel beheer of the retention terms (settings key 'retention', versioned). Admins only: 404 otherwise. */

async function assertAdmin(actor: Actor, attempted: string): Promise<void> {
  await enforce(actor, 'admin.settings', { entity: 'settings', attempted, kind: 'admin' });
}

export type RetentionSettingsView = SettingsView<RetentionSettings>;

export async function readRetentionSettings(actor: Actor): Promise<RetentionSettingsView> {
  await assertAdmin(actor, 'retention.read');
  return asUser(actor.userId, (tx) => readSettings(tx, RETENTION_SETTINGS_KEY, retentionSettingsSchema, DEFAULT_RETENTION_SETTINGS));
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
  return asUser(actor.userId, (tx) =>
    writeSettings(tx, actor, RETENTION_SETTINGS_KEY, retentionSettingsSchema, DEFAULT_RETENTION_SETTINGS, { version, settings: next }),
  );
}
