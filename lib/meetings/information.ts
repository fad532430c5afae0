import { and, asc, eq } from 'drizzle-orm';
import { meetingInvitees, organisations } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { validation, msg } from '@/lib/errors';
import { withMeeting } from './access';
import type { InformationInput } from './status-round-schemas';

/**
 * "Informatie aangeleverd / ontvangen": a partner that cannot attend sends its information in advance;
 * the regisseur records per organisation that it came in (or takes it back), from planning to afronding.
 */
export async function setInformation(actor: Actor, meetingId: unknown, input: InformationInput, now = new Date()) {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    if (meeting.status !== 'gepland' && meeting.status !== 'bezig') {
      throw validation({ received: [msg('meetings.recordBeforeOrDuring')] }, msg('meetings.recordBeforeOrDuring'));
    }
    const updated = await tx
      .update(meetingInvitees)
      .set({ informationReceivedAt: input.received ? now : null, informationNote: input.received ? (input.note ?? null) : null })
      .where(and(eq(meetingInvitees.meetingId, meeting.id), eq(meetingInvitees.organisationId, input.organisationId)))
      .returning({ id: meetingInvitees.id });
    if (updated.length === 0) throw validation({ organisationId: [msg('meetings.organisationNotInvited')] });
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'meeting',
      entityId: meeting.id,
      details: { informationReceived: input.received, organisationId: input.organisationId },
    });
  });
}

export interface InviteeInformation {
  organisationId: string;
  organisationName: string;
  attendance: string | null;
  receivedAt: Date | null;
  note: string | null;
}

/** Per invited organisation: whether its information came in, for everyone invited to the meeting. */
export async function meetingInformation(actor: Actor, meetingId: unknown): Promise<InviteeInformation[]> {
  return withMeeting(actor, meetingId, 'read', (tx, meeting) =>
    tx
      .select({
        organisationId: meetingInvitees.organisationId,
        organisationName: organisations.name,
        attendance: meetingInvitees.attendance,
        receivedAt: meetingInvitees.informationReceivedAt,
        note: meetingInvitees.informationNote,
      })
      .from(meetingInvitees)
      .innerJoin(organisations, eq(organisations.id, meetingInvitees.organisationId))
      .where(eq(meetingInvitees.meetingId, meeting.id))
      .orderBy(asc(organisations.name)),
  );
}
