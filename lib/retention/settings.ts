import { eq } from 'drizzle-orm';
import { settings as settingsTable } from '@/db/schema';
import type { Executor } from '@/db/types';
import { msg } from '@/lib/errors';
import { z } from '@/lib/validation/zod';

/**
 * Retention terms (bewaartermijnen), set by functioneel beheer under settings key 'retention'. Whole
 * years, counted from the moment a case was closed or rejected, and for the audit log from each entry.
 */

export const RETENTION_SETTINGS_KEY = 'retention';

const years = (max: number, fallback: number) =>
  z
    .number({ message: msg('common.mustBeNumber') })
    .int(msg('retention.wholeYears'))
    .min(1, msg('retention.atLeastOneYear'))
    .max(max, msg('retention.atMostYears', { max }))
    .default(fallback);

export const retentionSettingsSchema = z.object({
  /** Rejected at triage (advies aan melder, doorverwijzen, geen actie): the house never took the case on. */
  rejectedYears: years(20, 2),
  /** Taken on and closed with a result. */
  handledYears: years(20, 5),
  /** Each audit entry, from the moment it was written. */
  auditLogYears: years(20, 5),
  /** What one extension by the regisseur adds to a case's term. */
  extensionYears: years(10, 1),
});

export type RetentionSettings = z.output<typeof retentionSettingsSchema>;
export type RetentionSettingsInput = z.input<typeof retentionSettingsSchema>;

export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = Object.freeze(retentionSettingsSchema.parse({}));

/** The stored terms, or the defaults when nothing (or something unreadable) is stored. */
export async function loadRetentionSettings(db: Executor): Promise<RetentionSettings> {
  const [row] = await db.select({ value: settingsTable.value }).from(settingsTable).where(eq(settingsTable.key, RETENTION_SETTINGS_KEY));
  const parsed = retentionSettingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_RETENTION_SETTINGS;
}
