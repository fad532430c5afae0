import { agreements } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { assertNotEnded, withCase } from '@/lib/cases/access';
import { todayInAmsterdam } from '@/lib/calendar/today';
import { validation, msg } from '@/lib/errors';
import { assertMeetingOfCase, assertOwner } from './checks';
import type { CreateAgreementInput } from './schemas';
import type { AgreementCreated } from './agreement-views';

/**
 * An agreement on a case, owned by a convened partner organisation (and optionally one professional).
 * Made in a casusoverleg, it is linked to the agenda item of the case and to the meeting.
 */
export async function createAgreement(actor: Actor, caseId: unknown, input: CreateAgreementInput, now = new Date()): Promise<AgreementCreated> {
  return withCase(actor, caseId, 'agreement.create', async (tx, { ref }) => {
    assertNotEnded(ref);
    // Checked here, against the caller's clock, not in the schema: no path can skip it, no test depends on the day.
    if (input.dueDate < todayInAmsterdam(now)) throw validation({ dueDate: [msg('agreements.dueDateInPast')] });
    await assertOwner(tx, ref.id, input.ownerOrganisationId, input.ownerUserId);
    const link =
      input.agendaItemId || input.meetingId
        ? await assertMeetingOfCase(tx, ref.id, { meetingId: input.meetingId, agendaItemId: input.agendaItemId })
        : null;
    const meetingId = link?.meetingId ?? null;
    const [created] = await tx
      .insert(agreements)
      .values({
        caseId: ref.id,
        agendaItemId: link?.agendaItemId ?? null,
        meetingId,
        description: input.description,
        ownerOrganisationId: input.ownerOrganisationId,
        ownerUserId: input.ownerUserId ?? null,
        dueDate: input.dueDate,
        originalDueDate: input.dueDate,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: agreements.id, status: agreements.status, version: agreements.version, meetingId: agreements.meetingId });
    await audit(tx, subjectOf(actor), {
      action: 'create',
      entity: 'agreement',
      entityId: created!.id,
      caseId: ref.id,
      caseNumber: ref.number,
      ...(meetingId && { details: { meetingId } }),
    });
    return created!;
  });
}
