import { and, eq } from 'drizzle-orm';
import { meetingInvitees, meetings, type Meeting } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import { auditDenied } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, forbidden, msg } from '@/lib/errors';
import { meetingIdSchema } from './schemas';

export const meetingNotFound = () => new AppError('NOT_FOUND', msg('meetings.notFound'));

/**
 * Regisseurs manage meetings; a professional may read a meeting their organisation is invited to (not a
 * concept); everyone else gets 404. The invitation check is written here and enforced again by RLS.
 */
export async function withMeeting<T>(
  actor: Actor,
  meetingId: unknown,
  mode: 'read' | 'manage',
  fn: (tx: Tx, meeting: Meeting) => Promise<T>,
): Promise<T> {
  const parsed = meetingIdSchema.safeParse(meetingId);
  if (!parsed.success) throw new AppError('NOT_FOUND', parsed.error.issues[0]!.message);
  const id = parsed.data;
  const outcome = await asUser(actor.userId, async (tx) => {
    let meeting: Meeting | undefined;
    if (actor.role === 'regisseur') {
      [meeting] = await tx.select().from(meetings).where(eq(meetings.id, id));
    } else if (actor.role === 'professional') {
      const [row] = await tx
        .select({ meeting: meetings })
        .from(meetings)
        .innerJoin(meetingInvitees, and(eq(meetingInvitees.meetingId, meetings.id), eq(meetingInvitees.organisationId, actor.organisationId)))
        .where(eq(meetings.id, id));
      meeting = row && row.meeting.status !== 'concept' ? row.meeting : undefined;
    }
    if (!meeting) return { denied: 'hidden' as const };
    if (mode === 'manage' && actor.role !== 'regisseur') return { denied: 'forbidden' as const };
    return { value: await fn(tx, meeting) };
  });
  if ('denied' in outcome) {
    await auditDenied(actor, { action: 'denied', entity: 'meeting', entityId: id, details: { attempted: `meeting.${mode}` } });
    throw outcome.denied === 'hidden' ? meetingNotFound() : forbidden();
  }
  return outcome.value as T;
}

export function assertRegisseur(actor: Actor): void {
  if (actor.role !== 'regisseur') throw forbidden();
}
