import { and, eq, inArray } from 'drizzle-orm';
import { meetingInvitees, users, type Meeting } from '@/db/schema';
import type { Tx } from '@/db/types';
import { notifyUsers } from '@/lib/notify/in-app';

/**
 * Tells the people of every invited organisation (and named invitees, and the chair) about the meeting,
 * in-app; not the one who made the change (`actorUserId`).
 */
export async function notifyInvitees(tx: Tx, meeting: Meeting, title: string, actorUserId: string): Promise<void> {
  const invited = await tx
    .select({ organisationId: meetingInvitees.organisationId, userId: meetingInvitees.userId })
    .from(meetingInvitees)
    .where(eq(meetingInvitees.meetingId, meeting.id));
  const orgIds = invited.map((i) => i.organisationId);
  const members = orgIds.length
    ? await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.organisationId, orgIds), eq(users.active, true), eq(users.role, 'professional')))
    : [];
  const named = invited.map((i) => i.userId).filter((v): v is string => Boolean(v));
  await notifyUsers(tx, [...members.map((m) => m.id), ...named, meeting.chairUserId], {
    kind: 'meeting',
    title,
    link: `/meetings/${meeting.id}`,
  }, { except: actorUserId });
}
