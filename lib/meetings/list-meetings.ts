import { and, asc, desc, gte, lt, ne, sql } from 'drizzle-orm';
import { agendaItems, meetingInvitees, meetings } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/auth/sessions';
import { forbidden } from '@/lib/http/errors';

/** Upcoming or past meetings the actor may see: all for regisseurs, invited ones for professionals. */
export async function listMeetings(actor: Actor, period: 'upcoming' | 'past' = 'upcoming', now = new Date()) {
  if (actor.role !== 'regisseur' && actor.role !== 'professional') throw forbidden();
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
        items: sql<number>`(select count(*)::int from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id})`,
      })
      .from(meetings)
      .where(
        and(
          period === 'upcoming' ? gte(meetings.endsAt, sql`${new Date(now.getTime() - 12 * 3600 * 1000)}`) : lt(meetings.endsAt, now),
          actor.role === 'professional'
            ? and(
                ne(meetings.status, 'concept'),
                sql`exists (select 1 from ${meetingInvitees} where ${meetingInvitees.meetingId} = ${meetings.id}
                  and ${meetingInvitees.organisationId} = ${actor.organisationId})`,
              )
            : undefined,
        ),
      )
      .orderBy(period === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt))
      .limit(100),
  );
}

