import { and, eq, sql } from 'drizzle-orm';
import { agreementDueChanges, agreements } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { conflict, validation, msg } from '@/lib/errors';
import { withAgreement } from './access';
import { assertMeetingOfCase, assertOwner } from './checks';
import type { UpdateAgreementInput } from './schemas';
import type { AgreementUpdated } from './agreement-views';
import { isFinishedAgreement } from './statuses';

/**
 * The regisseur edits an agreement: description, owner, a new due date (with a reason, kept in its
 * history), or its end: gedaan (gereed), niet gedaan (niet_nagekomen, with its reason category) or
 * vervallen. Made in a meeting (the afsprakencheck), the closing records that meeting.
 */
export async function updateAgreement(actor: Actor, agreementId: unknown, input: UpdateAgreementInput, now = new Date()): Promise<AgreementUpdated> {
  return withAgreement(actor, agreementId, 'agreement.update', async (tx, { ref, agreementId: id }) => {
    const [current] = await tx.select().from(agreements).where(eq(agreements.id, id));
    if (!current) throw validation({ _: [msg('agreements.notFound')] });
    if (current.version !== input.version) throw conflict();
    // A due date is never set in the past, judged by the caller's clock (the schema reads none).
    if (input.dueDate !== undefined && input.dueDate < todayInAmsterdam(now)) throw validation({ dueDate: [msg('agreements.dueDateInPast')] });
    if (input.meetingId) await assertMeetingOfCase(tx, ref.id, { meetingId: input.meetingId });
    const moved = input.dueDate !== undefined && input.dueDate !== current.dueDate;
    const changes: Partial<typeof agreements.$inferInsert> = {};
    if (input.description !== undefined && input.description !== current.description) changes.description = input.description;
    const organisationId = input.ownerOrganisationId ?? current.ownerOrganisationId;
    if (organisationId !== current.ownerOrganisationId) {
      changes.ownerOrganisationId = organisationId;
      // A named professional belongs to the owning organisation: a new owner drops the old name.
      if (input.ownerUserId === undefined) changes.ownerUserId = null;
    }
    if (input.ownerUserId !== undefined && input.ownerUserId !== current.ownerUserId) changes.ownerUserId = input.ownerUserId;
    if ('ownerOrganisationId' in changes || 'ownerUserId' in changes) {
      await assertOwner(tx, ref.id, organisationId, 'ownerUserId' in changes ? changes.ownerUserId : current.ownerUserId);
    }
    if (input.status !== undefined && input.status !== current.status) {
      changes.status = input.status;
      Object.assign(changes, closing(input, now));
    } else if (input.status === 'niet_nagekomen' && (input.closeReason !== current.closeReason || (input.closeNote ?? null) !== current.closeNote)) {
      // Correcting the reason of an agreement that was not done already.
      Object.assign(changes, { closeReason: input.closeReason, closeNote: input.closeNote || null });
    }
    if (moved) changes.dueDate = input.dueDate;
    if (Object.keys(changes).length === 0) throw validation({ _: [msg('common.nothingChanged')] }, msg('common.nothingChanged'));
    if (changes.status && isFinishedAgreement(changes.status)) changes.closedInMeetingId = input.meetingId ?? null;
    const [updated] = await tx
      .update(agreements)
      .set({
        ...changes,
        ...(moved && { dueDateMoves: sql`${agreements.dueDateMoves} + 1` }),
        version: sql`${agreements.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(agreements.id, id), eq(agreements.version, input.version)))
      .returning({ version: agreements.version, dueDateMoves: agreements.dueDateMoves });
    if (!updated) throw conflict();
    if (moved) {
      await tx.insert(agreementDueChanges).values({
        agreementId: id,
        fromDate: current.dueDate,
        toDate: input.dueDate!,
        reason: input.dueDateReason!,
        changedByUserId: actor.userId,
        at: now,
      });
    }
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'agreement',
      entityId: id,
      caseId: ref.id,
      caseNumber: ref.number,
      details: { fields: Object.keys(changes), ...(input.meetingId && { meetingId: input.meetingId }) },
    });
    return { id, version: updated.version, dueDateMoves: updated.dueDateMoves };
  });
}

/** The columns that go with a new status: a close keeps when and why, a reopening clears them. */
function closing(input: UpdateAgreementInput, now: Date): Partial<typeof agreements.$inferInsert> {
  switch (input.status) {
    case 'gereed':
      return { completedAt: now, completionNote: input.closeNote || null, closeReason: null, closeNote: null, blockedAt: null, blockedReason: null };
    case 'niet_nagekomen':
      return { completedAt: null, closeReason: input.closeReason!, closeNote: input.closeNote || null };
    case 'vervallen':
      return { closeReason: null, closeNote: input.closeNote || null };
    default:
      return { completedAt: null, completionNote: null, closeReason: null, closeNote: null, closedInMeetingId: null };
  }
}
