import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/auth/sessions';
import { withMeeting } from './access';
import { feedMeetings, feedToken } from './calendar-feed';
import { meetingFeed, meetingInvitation } from './ics';

/** The .ics invitation of one meeting, for anyone who may read the meeting (404 otherwise). */
export async function invitationFile(actor: Actor, meetingId: unknown, baseUrl: string) {
  return withMeeting(actor, meetingId, 'read', async (tx, meeting) => {
    const [chair] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, meeting.chairUserId));
    return {
      filename: `overleg-${meeting.startsAt.toISOString().slice(0, 10)}.ics`,
      body: meetingInvitation(meeting, { baseUrl, organiser: chair }),
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
export async function personalFeed(userId: string, token: string, baseUrl: string): Promise<string | null> {
  const found = await feedMeetings(userId, token);
  return found ? meetingFeed(found, { baseUrl }) : null;
}
