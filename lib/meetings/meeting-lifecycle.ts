import { and, eq, sql } from 'drizzle-orm';
import { meetings, type MeetingStatus } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, conflict, msg } from '@/lib/errors';
import { withMeeting } from './access';
import { notifyInvitees } from './notify-invitees';
import { markReportReopened, sealMeetingReport } from './seal';
import { assertStartConfirmed } from './start-early';
import { requestStatusRound } from './status-round';
import type { MeetingTransitionInput, RescheduleInput } from './schemas';
import { amsterdamInstant } from './time';
import type { MeetingTransitionResult } from './meeting-views';

const FROM: Record<MeetingTransitionInput['action'], MeetingStatus[]> = {
  plan: ['concept'],
  start: ['gepland'],
  finish: ['bezig'],
  cancel: ['concept', 'gepland'],
  reopen: ['afgerond'],
};
const TO: Record<MeetingTransitionInput['action'], MeetingStatus> = {
  plan: 'gepland',
  start: 'bezig',
  finish: 'afgerond',
  cancel: 'geannuleerd',
  reopen: 'bezig',
};

export function allowedMeetingActions(status: MeetingStatus): MeetingTransitionInput['action'][] {
  return (Object.keys(FROM) as MeetingTransitionInput['action'][]).filter((a) => FROM[a].includes(status));
}

const dateLabel = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' }).format(d);

/**
 * concept → gepland (invitations out) → bezig (attendance and outcomes now) → afgerond (read-only; the
 * chair can reopen with a reason), or geannuleerd. Invitations and cancellations raise the iCalendar
 * SEQUENCE and notify the invited partners.
 */
export async function transitionMeeting(actor: Actor, meetingId: unknown, input: MeetingTransitionInput, now = new Date()): Promise<MeetingTransitionResult> {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    if (meeting.version !== input.version) throw conflict();
    if (!FROM[input.action].includes(meeting.status)) {
      const message = msg('meetings.transitionNotAllowed', { status: msg(`meetings.statusIs.${meeting.status}`) });
      throw new AppError('VALIDATION', message, { action: [message] });
    }
    if (input.action === 'start') assertStartConfirmed(meeting.startsAt, now, input.confirmEarly);
    if (input.action === 'reopen' && meeting.chairUserId !== actor.userId) {
      throw new AppError('FORBIDDEN', msg('meetings.onlyChairReopens'));
    }
    const announces = input.action === 'plan' || input.action === 'cancel';
    const [updated] = await tx
      .update(meetings)
      .set({
        status: TO[input.action],
        statusReason: 'reason' in input ? input.reason : meeting.statusReason,
        ...(announces && { sequence: sql`${meetings.sequence} + 1` }),
        version: sql`${meetings.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    if (input.action === 'plan') {
      await notifyInvitees(tx, updated, `Uitnodiging: ${meeting.title}, ${dateLabel(meeting.startsAt)}`, actor.userId);
      await requestStatusRound(tx, updated, now);
    }
    // Afronding freezes and seals the report; reopening keeps the sealed version, marked with the reason.
    const seal = input.action === 'finish' ? await sealMeetingReport(tx, { ...subjectOf(actor), userId: actor.userId }, updated, now) : null;
    if (input.action === 'reopen') await markReportReopened(tx, actor.userId, meeting.id, input.reason, now);
    if (input.action === 'cancel' && meeting.status === 'gepland') {
      await notifyInvitees(tx, updated, `Geannuleerd: ${meeting.title}, ${dateLabel(meeting.startsAt)}`, actor.userId);
    }
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'meeting',
      entityId: meeting.id,
      details: { transition: input.action, from: meeting.status, to: updated.status },
    });
    return { id: meeting.id, status: updated.status, version: updated.version, ...(seal && { seal }) };
  });
}

/** Moves a meeting; once invitations are out, the partners get an updated invitation (SEQUENCE + 1). */
export async function rescheduleMeeting(actor: Actor, meetingId: unknown, input: RescheduleInput, now = new Date()) {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    if (meeting.version !== input.version) throw conflict();
    if (meeting.status !== 'concept' && meeting.status !== 'gepland') {
      throw new AppError('VALIDATION', msg('meetings.onlyUpcomingMoves'));
    }
    const [updated] = await tx
      .update(meetings)
      .set({
        startsAt: amsterdamInstant(input.date, input.startTime),
        endsAt: amsterdamInstant(input.date, input.endTime),
        ...(input.location !== undefined && { location: input.location }),
        ...(input.videoUrl !== undefined && { videoUrl: input.videoUrl }),
        ...(meeting.status === 'gepland' && { sequence: sql`${meetings.sequence} + 1` }),
        version: sql`${meetings.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    if (meeting.status === 'gepland') {
      await notifyInvitees(tx, updated, `Verplaatst: ${meeting.title}, nu ${dateLabel(updated.startsAt)}`, actor.userId);
      await requestStatusRound(tx, updated, now);
    }
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'meeting', entityId: meeting.id, details: { fields: ['startsAt', 'endsAt'] } });
    return { id: meeting.id, version: updated.version, sequence: updated.sequence };
  });
}
