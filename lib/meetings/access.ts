import { and, eq } from 'drizzle-orm';
import { meetingInvitees, meetings, type Meeting } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Tx } from '@/db/types';
import { MEETING_RELATIONS, type MeetingRelation } from '@/lib/access/meetings';
import { authorize, isRefused, type Outcome } from '@/lib/access/policy';
import { auditDenied } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { forbidden, NotFoundError, msg } from '@/lib/errors';
import { meetingIdSchema } from './schemas';

export const meetingNotFound = () => new NotFoundError('meeting', msg('meetings.notFound'));

/** How the actor's organisation stands to a meeting: invited to it once it is no longer a concept. */
function relationTo(actor: Actor, meeting: Meeting, invited: boolean): MeetingRelation {
  return invited && meeting.status !== 'concept' && actor.organisationId ? 'invited' : 'none';
}

/**
 * Runs `fn` for a meeting the policy (lib/access/meetings.ts) lets the actor read or manage: regisseurs
 * every meeting, a professional the meetings their organisation is invited to (not a concept); anyone
 * else gets 404, an invited professional who tries to manage 403. RLS enforces the same underneath.
 */
export async function withMeeting<T>(
  actor: Actor,
  meetingId: unknown,
  mode: 'read' | 'manage',
  fn: (tx: Tx, meeting: Meeting) => Promise<T>,
): Promise<T> {
  const parsed = meetingIdSchema.safeParse(meetingId);
  if (!parsed.success) throw new NotFoundError('meeting', parsed.error.issues[0]!.message);
  const id = parsed.data;
  const action = mode === 'read' ? 'meeting.view' : 'meeting.manage';
  // A role that may not know any meeting reads none.
  const knowsMeetings = MEETING_RELATIONS.some((r) => authorize(actor, action, r) !== 'not-found');
  const result = await asUser(actor.userId, async (tx) => {
    let decision: Outcome = 'not-found';
    let meeting: Meeting | undefined;
    if (knowsMeetings) {
      const [row] = await tx
        .select({ meeting: meetings, invitee: meetingInvitees.organisationId })
        .from(meetings)
        .leftJoin(meetingInvitees, and(eq(meetingInvitees.meetingId, meetings.id), eq(meetingInvitees.organisationId, actor.organisationId)))
        .where(eq(meetings.id, id));
      if (row) {
        meeting = row.meeting;
        decision = authorize(actor, action, relationTo(actor, row.meeting, row.invitee !== null));
      }
    }
    if (!meeting || isRefused(decision)) return { denied: decision === 'forbidden' ? ('forbidden' as const) : ('hidden' as const) };
    return { value: await fn(tx, meeting) };
  });
  if ('denied' in result) {
    await auditDenied(actor, { action: 'denied', entity: 'meeting', entityId: id, details: { attempted: `meeting.${mode}` } });
    throw result.denied === 'hidden' ? meetingNotFound() : forbidden();
  }
  return result.value as T;
}

/** Actions on meetings decided by role alone (create, propose an agenda): refused with 403. */
export function assertMeetingAction(actor: Actor, action: 'meeting.create' | 'agendaItem.propose'): void {
  if (isRefused(authorize(actor, action))) throw forbidden();
}
