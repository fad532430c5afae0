import { and, eq } from 'drizzle-orm';
import { agendaItems, meetings } from '@/db/schema';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, msg } from '@/lib/errors';
import { withMeeting } from '@/lib/meetings/access';
import type { CurrentItemInput } from './schemas';
import type { CurrentItemResult } from '@/lib/meetings/meeting-views';

/**
 * "Nu besproken": the chair marks the item on the table while the meeting runs (null: none). It is no edit of
 * the meeting's content, so its version stays: a form open elsewhere on the page does not turn stale.
 */
export async function setCurrentItem(actor: Actor, meetingId: unknown, input: CurrentItemInput): Promise<CurrentItemResult> {
  return withMeeting(actor, meetingId, 'manage', async (tx, meeting) => {
    if (meeting.status !== 'bezig') {
      throw new AppError('VALIDATION', msg('live.markCurrentDuringMeeting'), { itemId: [msg('common.meetingNotInProgress')] });
    }
    if (input.itemId) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, input.itemId), eq(agendaItems.meetingId, meeting.id)));
      if (!item) throw new AppError('NOT_FOUND', msg('common.itemNotFound'));
    }
    await tx.update(meetings).set({ currentItemId: input.itemId }).where(eq(meetings.id, meeting.id));
    await audit(tx, subjectOf(actor), { action: 'update', entity: 'meeting', entityId: meeting.id, details: { currentItem: input.itemId } });
    return { id: meeting.id, currentItemId: input.itemId };
  });
}
