import { and, eq, isNull } from 'drizzle-orm';
import { agendaItems, casePartners, meetings, users } from '@/db/schema';
import type { Tx } from '@/db/types';
import { validation, msg } from '@/lib/errors';

/** The owner of an agreement is a convened partner of the case, and a named professional works there. */
export async function assertOwner(tx: Tx, caseId: string, organisationId: string, userId: string | null | undefined) {
  const [convened] = await tx
    .select({ id: casePartners.id })
    .from(casePartners)
    .where(and(eq(casePartners.caseId, caseId), eq(casePartners.organisationId, organisationId), isNull(casePartners.endedAt)));
  if (!convened) {
    throw validation({ ownerOrganisationId: [msg('agreements.ownerNotInvolved')] });
  }
  if (!userId) return;
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organisationId, organisationId), eq(users.active, true)));
  if (!owner) throw validation({ ownerUserId: [msg('agreements.chooseActiveOwner')] });
}


/**
 * The meeting an agreement is made or closed in discusses the case (an agenda item of it) and is running
 * (bezig): what is decided before or after it belongs on the case page. Returns the meeting and its item.
 */
export async function assertMeetingOfCase(tx: Tx, caseId: string, link: { meetingId?: string | null; agendaItemId?: string | null }) {
  const field = link.agendaItemId ? 'agendaItemId' : 'meetingId';
  const [row] = await tx
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, status: meetings.status })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        link.agendaItemId ? eq(agendaItems.id, link.agendaItemId) : eq(agendaItems.meetingId, link.meetingId!),
        eq(agendaItems.caseId, caseId),
      ),
    )
    .limit(1);
  if (!row) {
    throw validation({
      [field]: [field === 'agendaItemId' ? msg('agreements.itemNotOfCase') : msg('agreements.meetingNotDiscussingCase')],
    });
  }
  if (link.agendaItemId && link.meetingId && row.meetingId !== link.meetingId) {
    throw validation({ meetingId: [msg('agreements.itemNotOfMeeting')] });
  }
  if (row.status !== 'bezig') {
    throw validation({ [field]: [msg('agreements.meetingNotInProgress')] });
  }
  return { meetingId: row.meetingId, agendaItemId: row.id };
}
