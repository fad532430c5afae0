import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { meetingInvitees, users } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { withMeeting } from './access';
import { feedMeetings, feedToken } from './calendar-feed';
import { meetingFeed, meetingInvitation, type CalendarPerson } from './ics';
import { amsterdamParts } from './time';

/**
 * Who an invitation names as attendees: the person an organisation was invited through, or else the
 * organisation's active professionals (the people told of the meeting in the app).
 */
async function invitationAttendees(tx: Tx, meetingId: string): Promise<CalendarPerson[]> {
  return tx
    .selectDistinct({ name: users.name, email: users.email })
    .from(meetingInvitees)
    .innerJoin(
      users,
      or(
        eq(users.id, meetingInvitees.userId),
        and(isNull(meetingInvitees.userId), eq(users.organisationId, meetingInvitees.organisationId), eq(users.role, 'professional')),
      ),
    )
    .where(and(eq(meetingInvitees.meetingId, meetingId), eq(users.active, true)))
    .orderBy(asc(users.name), asc(users.email));
}

/** The .ics invitation of one meeting, for anyone who may read the meeting (404 otherwise); `now` is its DTSTAMP. */
export async function invitationFile(actor: Actor, meetingId: unknown, baseUrl: string, now: Date) {
  return withMeeting(actor, meetingId, 'read', async (tx, meeting) => {
    const [organiser] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, meeting.chairUserId));
    const attendees = await invitationAttendees(tx, meeting.id);
    return {
      filename: `overleg-${amsterdamParts(meeting.startsAt).date}.ics`,
      body: meetingInvitation({ meeting, organiser: organiser!, attendees }, { baseUrl, now }),
    };
  });
}

/** The path of the actor's personal calendar feed (the token ends with the session version). */
export async function personalFeedPath(actor: Actor): Promise<string> {
  const [row] = await asUser(actor.userId, (tx) =>
    tx.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, actor.userId)),
  );
  return `/api/v1/calendar/${actor.userId}/${feedToken(actor.userId, row!.sessionVersion)}.ics`;
}

/** The personal feed as iCalendar text, or null when user or token is wrong. */
export async function personalFeed(userId: string, token: string, baseUrl: string, now: Date): Promise<string | null> {
  const found = await feedMeetings(userId, token, now);
  return found ? meetingFeed(found, { baseUrl, now }) : null;
}
