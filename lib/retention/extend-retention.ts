import { eq } from 'drizzle-orm';
import { cases } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import { withCase } from '@/lib/cases/access';
import { assertCurrentVersion, commitCaseChange } from '@/lib/cases/commit-case-change';
import { validation, msg } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { loadRetentionSettings } from './settings';
import { extendedRetentionEnd, retentionCategory, retentionEndsAt } from './term';
import { parseOrThrow } from '@/lib/validation/parse';

export const extendRetentionSchema = z.strictObject({
  version: z.number({ message: msg('common.versionMissingReload') }).int().min(1),
  reason: z
    .string({ message: msg('retention.fillInReason') })
    .trim()
    .min(10, msg('retention.reasonMin10'))
    .max(1000, msg('retention.reasonTooLong')),
});
export type ExtendRetentionInput = z.input<typeof extendRetentionSchema>;

const refuse = (message: string) => validation({ _: [message] }, message);

/**
 * The regisseur extends a closed or rejected case's term once, with a reason (kept with the case until
 * the data goes, never in the audit log), by the configured extension term. Stale version: 409.
 */
export async function extendRetention(actor: Actor, caseId: unknown, raw: ExtendRetentionInput | unknown, now = new Date()) {
  const input = parseOrThrow(extendRetentionSchema, raw);
  return withCase(actor, caseId, 'case.update', async (tx, { ref }) => {
    assertCurrentVersion(ref, input.version);
    const [row] = await tx
      .select({
        status: cases.status,
        closedAt: cases.closedAt,
        retentionExtendedUntil: cases.retentionExtendedUntil,
        retentionExtendedAt: cases.retentionExtendedAt,
        personalDataRemovedAt: cases.personalDataRemovedAt,
      })
      .from(cases)
      .where(eq(cases.id, ref.id))
      .for('update');
    if (row!.personalDataRemovedAt) throw refuse(msg('retention.alreadyRemoved'));
    if (!retentionCategory(row!.status) || !row!.closedAt) {
      throw refuse(msg('retention.onlyEnded'));
    }
    if (row!.retentionExtendedAt) throw refuse(msg('retention.alreadyExtended'));
    const settings = await loadRetentionSettings(tx);
    const previousEnd = retentionEndsAt(row!, settings)!;
    const until = extendedRetentionEnd(row!, settings, now)!;
    const patch = { retentionExtendedUntil: until, retentionExtensionReason: input.reason, retentionExtendedBy: actor.userId, retentionExtendedAt: now };
    const updated = await commitCaseChange(tx, actor, ref.id, input.version, patch, {
      kind: 'edit',
      at: now,
      data: { fields: ['retention'] },
      audit: { retention: 'extended', from: previousEnd.toISOString(), until: until.toISOString() },
    });
    return { id: ref.id, version: updated.version, retentionEndsAt: until };
  });
}
