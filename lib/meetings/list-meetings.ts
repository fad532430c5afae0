import { and, asc, desc, eq, gte, inArray, ne, not, or, sql } from 'drizzle-orm';
import { agendaItems, meetingInvitees, meetings } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { authorize, isRefused } from '@/lib/access/policy';
import { forbidden } from '@/lib/errors';
import type { MeetingListItem } from './meeting-views';

/** Upcoming or past meetings the actor may see: all for regisseurs, invited ones for professionals. */
export async function listMeetings(actor: Actor, period: 'upcoming' | 'past' = 'upcoming', now = new Date()): Promise<MeetingListItem[]> {
  const outcome = authorize(actor, 'meeting.list');
  if (isRefused(outcome)) throw forbidden();
  const boundary = new Date(now.getTime() - 12 * 3600 * 1000);
  // Upcoming: not finished or cancelled, and either running or ending after the boundary (a meeting of this
  // morning not yet started or closed still counts). Past is everything else: the lists never share one.
  const upcoming = and(
    inArray(meetings.status, ['concept', 'gepland', 'bezig']),
    or(eq(meetings.status, 'bezig'), gte(meetings.endsAt, boundary)),
  )!;
  return asUser(actor.userId, (tx) =>
    tx
      .select({
        id: meetings.id,
        title: meetings.title,
        kind: meetings.kind,
        status: meetings.status,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        location: meetings.location,
        // Qualified by hand: in a select list of a one-table query drizzle writes columns without their
        // table, and a bare "id" inside the subquery would be the agenda item's own id.
        items: sql<number>`(select count(*)::int from ${agendaItems} where ${agendaItems}.meeting_id = ${meetings}.id)`,
      })
      .from(meetings)
      .where(
        and(
          period === 'upcoming' ? upcoming : not(upcoming),
          // The partner's list: the meetings the organisation is invited to.
          outcome === 'shared'
            ? and(
                ne(meetings.status, 'concept'),
                sql`exists (select 1 from ${meetingInvitees} where ${meetingInvitees}.meeting_id = ${meetings}.id
                  and ${meetingInvitees}.organisation_id = ${actor.organisationId})`,
              )
            : undefined,
        ),
      )
      .orderBy(period === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt))
      .limit(100),
  );
}

