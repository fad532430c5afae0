import { and, eq, inArray, ne } from 'drizzle-orm';
import { agendaItems, cases, meetingInvitees, meetings, organisations, users } from '@/db/schema';
import { asUser } from '@/db/transaction';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { validation, msg } from '@/lib/errors';
import { assertMeetingAction } from './access';
import type { CreateMeetingInput } from './schemas';
import { amsterdamInstant } from './time';

/** A new meeting in concept: agenda prepared, nobody notified yet. */
export async function createMeeting(actor: Actor, input: CreateMeetingInput) {
  assertMeetingAction(actor, 'meeting.create');
  return asUser(actor.userId, async (tx) => {
    const people = [input.chairUserId, input.minuteTakerUserId].filter((v): v is string => Boolean(v));
    const found = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, people), eq(users.active, true)));
    if (!found.some((u) => u.id === input.chairUserId)) throw validation({ chairUserId: [msg('meetings.chooseActiveChair')] });
    if (input.minuteTakerUserId && !found.some((u) => u.id === input.minuteTakerUserId)) {
      throw validation({ minuteTakerUserId: [msg('meetings.chooseActiveMinuteTaker')] });
    }
    if (input.invitedOrganisationIds.length) {
      const orgs = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(inArray(organisations.id, input.invitedOrganisationIds), eq(organisations.active, true), ne(organisations.domain, 'veiligheidshuis')));
      if (orgs.length !== new Set(input.invitedOrganisationIds).size) {
        throw validation({ invitedOrganisationIds: [msg('meetings.organisationMissing')] });
      }
    }
    if (input.caseIds.length) {
      const found = await tx.select({ id: cases.id }).from(cases).where(inArray(cases.id, input.caseIds));
      if (found.length !== new Set(input.caseIds).size) throw validation({ caseIds: [msg('meetings.caseMissing')] });
    }
    const [meeting] = await tx
      .insert(meetings)
      .values({
        title: input.title,
        kind: input.kind,
        startsAt: amsterdamInstant(input.date, input.startTime),
        endsAt: amsterdamInstant(input.date, input.endTime),
        location: input.location ?? null,
        videoUrl: input.videoUrl ?? null,
        chairUserId: input.chairUserId,
        minuteTakerUserId: input.minuteTakerUserId ?? null,
        recurrence: input.recurrence,
        createdByUserId: actor.userId,
      })
      .returning({ id: meetings.id });
    const id = meeting!.id;
    if (input.recurrence !== 'geen') await tx.update(meetings).set({ seriesId: id }).where(eq(meetings.id, id));
    if (input.invitedOrganisationIds.length) {
      await tx.insert(meetingInvitees).values([...new Set(input.invitedOrganisationIds)].map((organisationId) => ({ meetingId: id, organisationId })));
    }
    if (input.caseIds.length) {
      await tx.insert(agendaItems).values([...new Set(input.caseIds)].map((caseId, i) => ({ meetingId: id, position: i + 1, caseId })));
    }
    await audit(tx, subjectOf(actor), { action: 'create', entity: 'meeting', entityId: id });
    return { id };
  });
}
