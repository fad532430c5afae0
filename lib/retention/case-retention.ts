import { eq } from 'drizzle-orm';
import { cases, users } from '@/db/schema';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { withCase, type CaseRef } from '@/lib/cases/access';
import { loadRetentionSettings } from './settings';
import { retentionCategory, retentionEndsAt, type RetentionCategory } from './term';

export interface CaseRetention {
  category: RetentionCategory;
  closedAt: Date;
  /** When the personal data goes (or went). */
  endsAt: Date;
  extension: { until: Date; at: Date; byName: string | null; reason: string | null } | null;
  personalDataRemovedAt: Date | null;
  /** Once, before the data is gone. */
  canExtend: boolean;
  extensionYears: number;
  version: number;
}

/** The retention term of an ended case as the regisseur sees it; null while the case is open. */
export async function getCaseRetention(actor: Actor, caseId: unknown): Promise<CaseRetention | null> {
  return withCase(actor, caseId, 'case.update', (tx, { ref }) => caseRetentionOf(tx, ref));
}

/** The same, in the caller's transaction, for a reader allowed 'case.update'. */
export async function caseRetentionOf(tx: Tx, ref: CaseRef): Promise<CaseRetention | null> {
  const [row] = await tx
    .select({
      status: cases.status,
      closedAt: cases.closedAt,
      retentionExtendedUntil: cases.retentionExtendedUntil,
      retentionExtendedAt: cases.retentionExtendedAt,
      retentionExtensionReason: cases.retentionExtensionReason,
      extendedByName: users.name,
      personalDataRemovedAt: cases.personalDataRemovedAt,
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.retentionExtendedBy))
    .where(eq(cases.id, ref.id));
  const category = row ? retentionCategory(row.status) : null;
  if (!row || !category || !row.closedAt) return null;
  const settings = await loadRetentionSettings(tx);
  return {
    category,
    closedAt: row.closedAt,
    endsAt: row.personalDataRemovedAt ?? retentionEndsAt(row, settings)!,
    extension:
      row.retentionExtendedUntil && row.retentionExtendedAt
        ? { until: row.retentionExtendedUntil, at: row.retentionExtendedAt, byName: row.extendedByName, reason: row.retentionExtensionReason }
        : null,
    personalDataRemovedAt: row.personalDataRemovedAt,
    canExtend: !row.personalDataRemovedAt && !row.retentionExtendedAt,
    extensionYears: settings.extensionYears,
    version: ref.version,
  };
}
