import { and, eq, ne } from 'drizzle-orm';
import { meetingInvitees, organisations, users } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, validation, msg } from '@/lib/errors';
import { withMeeting } from './access';
import { assertEditableAgenda } from './agenda';
import type { AttendanceInput, InviteInput } from './schemas';

export async function inviteOrganisation(actor: Actor, meetingId: unknown, input: InviteInput) {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    assertEditableAgenda(meeting);
    const [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.organisationId), eq(organisations.active, true), ne(organisations.domain, 'veiligheidshuis')));
    if (!org) throw validation({ organisationId: [msg('meetings.unknownOrInactiveOrganisation')] });
    if (input.userId) {
      const [person] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.userId), eq(users.organisationId, org.id), eq(users.active, true)));
      if (!person) throw validation({ userId: [msg('meetings.choosePersonOfOrganisation')] });
    }
    const inserted = await tx
      .insert(meetingInvitees)
      .values({ meetingId: meeting.id, organisationId: org.id, userId: input.userId ?? null })
      .onConflictDoNothing()
      .returning({ id: meetingInvitees.id });
    if (inserted.length === 0) throw validation({ organisationId: [msg('meetings.organisationAlreadyInvited')] });
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'meeting', entityId: meeting.id, details: { invited: org.id } });
  });
}

/** Attendance per organisation, recorded only while the meeting is in progress. */
export async function setAttendance(actor: Actor, meetingId: unknown, input: AttendanceInput) {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    if (meeting.status !== 'bezig') {
      throw new AppError('VALIDATION', msg('meetings.attendanceDuringMeeting'), { attendance: [msg('common.meetingNotInProgress')] });
    }
    const updated = await tx
      .update(meetingInvitees)
      .set({ attendance: input.attendance })
      .where(and(eq(meetingInvitees.meetingId, meeting.id), eq(meetingInvitees.organisationId, input.organisationId)))
      .returning({ id: meetingInvitees.id });
    if (updated.length === 0) throw validation({ organisationId: [msg('meetings.organisationNotInvited')] });
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'meeting', entityId: meeting.id, details: { attendance: input.attendance } });
  });
}
