import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { cases, meetingInvitees, organisations, users } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Actor } from '@/lib/actor';
import { assertMeetingAction } from './access';

/** Cases a regisseur can put on an agenda by hand: every case in triage, active or in monitoring. */
export async function agendaCaseOptions(actor: Actor) {
  assertMeetingAction(actor, 'agendaItem.propose');
  return asUser(actor.userId, (tx) =>
    tx
      .select({ id: cases.id, number: cases.number, subjectName: cases.subjectName })
      .from(cases)
      .where(inArray(cases.status, ['triage', 'actief', 'monitoring']))
      .orderBy(asc(cases.number)),
  );
}

/** Who can present an item: the house's regisseurs and the active professionals of the invited organisations. */
export async function presenterOptions(actor: Actor, meetingId: string) {
  assertMeetingAction(actor, 'agendaItem.propose');
  return asUser(actor.userId, (tx) =>
    tx
      .select({ id: users.id, name: users.name, organisationName: organisations.name })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(
        and(
          eq(users.active, true),
          or(
            eq(users.role, 'regisseur'),
            and(
              eq(users.role, 'professional'),
              inArray(users.organisationId, tx.select({ id: meetingInvitees.organisationId }).from(meetingInvitees).where(eq(meetingInvitees.meetingId, meetingId))),
            ),
          ),
        ),
      )
      .orderBy(asc(users.name)),
  );
}
