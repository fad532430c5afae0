import { addMonths, addWeeks } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { and, desc, eq } from 'drizzle-orm';
import { meetingInvitees, meetings } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, msg } from '@/lib/errors';
import { withMeeting } from './access';
import { HOUSE_TIME_ZONE } from './time';

const STEP = {
  wekelijks: (d: Date) => addWeeks(d, 1),
  tweewekelijks: (d: Date) => addWeeks(d, 2),
  maandelijks: (d: Date) => addMonths(d, 1),
};

/**
 * The next meeting of a series, made from the last one: same title, kind, place, chair and invitees,
 * one interval later in Amsterdam wall-clock time (so 10:00 stays 10:00 across summer time), in concept.
 */
export async function planNextOccurrence(actor: Actor, meetingId: unknown) {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    if (!meeting.seriesId || meeting.recurrence === 'geen') throw new AppError('VALIDATION', msg('meetings.notInSeries'));
    const [last] = await tx.select().from(meetings).where(eq(meetings.seriesId, meeting.seriesId)).orderBy(desc(meetings.startsAt)).limit(1);
    const step = STEP[last!.recurrence as keyof typeof STEP];
    const local = (d: Date) => new TZDate(d.getTime(), HOUSE_TIME_ZONE);
    const [next] = await tx
      .insert(meetings)
      .values({
        title: last!.title,
        kind: last!.kind,
        startsAt: new Date(step(local(last!.startsAt)).getTime()),
        endsAt: new Date(step(local(last!.endsAt)).getTime()),
        location: last!.location,
        videoUrl: last!.videoUrl,
        chairUserId: last!.chairUserId,
        minuteTakerUserId: last!.minuteTakerUserId,
        seriesId: meeting.seriesId,
        recurrence: last!.recurrence,
        createdByUserId: actor.userId,
      })
      .returning({ id: meetings.id, startsAt: meetings.startsAt });
    const invitees = await tx
      .select({ organisationId: meetingInvitees.organisationId, userId: meetingInvitees.userId })
      .from(meetingInvitees)
      .where(and(eq(meetingInvitees.meetingId, last!.id)));
    if (invitees.length) await tx.insert(meetingInvitees).values(invitees.map((i) => ({ ...i, meetingId: next!.id })));
    await audit(tx, subjectOf(actor), { action: 'create', entity: 'meeting', entityId: next!.id, details: { series: meeting.seriesId } });
    return next!;
  });
}
