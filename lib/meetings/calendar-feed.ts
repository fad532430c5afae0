import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import { meetingInvitees, meetings, users } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import { authSecret } from '@/lib/auth/secret';
import type { CalendarMeeting } from './ics';
import { authorize } from '@/lib/access/policy';

/**
 * The personal calendar feed URL carries a token derived from the user and their session version, so
 * "sign out everywhere" and deactivation also end the feed. No table, nothing to leak.
 */
export function feedToken(userId: string, sessionVersion: number): string {
  return createHmac('sha256', authSecret()).update(`calendar:${userId}:${sessionVersion}`).digest('base64url');
}

/**
 * The meetings of the feed's owner (invited organisation, or all planned ones for a regisseur), each with
 * its chair as organiser; null if the token is wrong. `now` bounds how far back the feed reaches.
 */
export async function feedMeetings(userId: string, token: string, now: Date): Promise<CalendarMeeting[] | null> {
  return asSystem(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, role: users.role, organisationId: users.organisationId, sessionVersion: users.sessionVersion, active: users.active })
      .from(users)
      .where(eq(users.id, userId));
    if (!user || !user.active) return null;
    const expected = Buffer.from(feedToken(user.id, user.sessionVersion));
    const given = Buffer.from(token);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const since = new Date(now.getTime() - 90 * 24 * 3600 * 1000);
    const invited = tx
      .select({ id: meetingInvitees.meetingId })
      .from(meetingInvitees)
      .where(eq(meetingInvitees.organisationId, user.organisationId));
    return tx
      .select({ meeting: meetings, organiser: { name: users.name, email: users.email } })
      .from(meetings)
      .innerJoin(users, eq(users.id, meetings.chairUserId))
      .where(
        and(
          gte(meetings.startsAt, since),
          ne(meetings.status, 'concept'),
          authorize(user, 'meeting.view', 'none') === 'allow' ? sql`true` : inArray(meetings.id, invited),
        ),
      );
  });
}
