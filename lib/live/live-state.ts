import { asc, eq } from 'drizzle-orm';
import { agendaItems, agreementConfirmations, agreements, organisations } from '@/db/schema';
import type { Actor } from '@/lib/actor';
import { withMeeting } from '@/lib/meetings/access';
import { latestEventId } from './events';
import { presenceOf, type PresenceEntry } from './presence';

export interface LiveAgreement {
  id: string;
  itemId: string;
  description: string;
  ownerOrganisationName: string;
  dueDate: string;
  status: string;
  /** The reader's organisation owns it, and so may confirm it. */
  mine: boolean;
  confirmation: { response: 'akkoord' | 'vraag'; question: string | null; at: Date } | null;
}

export interface LiveState {
  /** The newest event the page was rendered with: the stream starts after it, so nothing falls between. */
  latestEventId: number;
  currentItemId: string | null;
  presence: PresenceEntry[];
  agreements: LiveAgreement[];
}

/**
 * What the live view adds to the meeting page: the events' starting point, who is connected, and the
 * agreements made in its items with their confirmations. Agreements pass row-level security, so a partner
 * gets only those of cases its organisation is convened to.
 */
export async function getLiveState(actor: Actor, meetingId: unknown, now = new Date()): Promise<LiveState> {
  return withMeeting(actor, meetingId, 'read', async (tx, meeting) => {
    const rows = await tx
      .select({
        id: agreements.id,
        itemId: agendaItems.id,
        description: agreements.description,
        ownerOrganisationId: agreements.ownerOrganisationId,
        ownerOrganisationName: organisations.name,
        dueDate: agreements.dueDate,
        status: agreements.status,
        response: agreementConfirmations.response,
        question: agreementConfirmations.question,
        at: agreementConfirmations.updatedAt,
      })
      .from(agreements)
      .innerJoin(agendaItems, eq(agendaItems.id, agreements.agendaItemId))
      .innerJoin(organisations, eq(organisations.id, agreements.ownerOrganisationId))
      .leftJoin(agreementConfirmations, eq(agreementConfirmations.agreementId, agreements.id))
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(agreements.dueDate), asc(agreements.createdAt));
    return {
      latestEventId: await latestEventId(tx, meeting.id),
      currentItemId: meeting.currentItemId,
      presence: await presenceOf(tx, meeting.id, now),
      agreements: rows.map(({ ownerOrganisationId, response, question, at, ...a }) => ({
        ...a,
        mine: actor.role === 'professional' && ownerOrganisationId === actor.organisationId,
        confirmation: response && at ? { response, question, at } : null,
      })),
    };
  });
}
