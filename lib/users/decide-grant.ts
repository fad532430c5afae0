import { eq } from 'drizzle-orm';
import { accessGrants, users } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import { LAST_ADMIN_MESSAGE, LastAdminError, refuse } from '@/lib/users/admin-guard';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, msg } from '@/lib/errors';
import { notifyUsers } from '@/lib/notify/in-app';
import { parseOrThrow } from '@/lib/validation/parse';
import { z } from '@/lib/validation/zod';
import { assertMayDecideAny, mayDecide, mayView, ROLE_NAMES } from './access-grants';
import { issueInvitation } from './invitations';
import { applyGrantedChange } from './manage-users';

export const GRANT_NOT_FOUND = msg('users.grantNotFound');
export const OWN_REQUEST = msg('users.ownRequest');
export const OWN_ACCOUNT = msg('users.ownAccount');
export const OTHER_ROLE = msg('users.otherRole');
export const ALREADY_DECIDED = msg('users.alreadyDecided');

export const decideGrantSchema = z.strictObject({
  grantId: z.uuid({ message: GRANT_NOT_FOUND }),
  decision: z.enum(['approve', 'reject'], { message: msg('users.chooseApproveReject') }),
});
export type DecideGrantInput = z.input<typeof decideGrantSchema>;

export type GrantOutcome = { decision: 'approved' | 'rejected' | 'withdrawn'; kind: 'invitation' | 'change'; invitationId?: string };

type Refusal = { refused: 'own-request' | 'own-account' | 'other-role' | 'last-admin' };

const REFUSALS: Record<Refusal['refused'], string> = {
  'own-request': OWN_REQUEST,
  'own-account': OWN_ACCOUNT,
  'other-role': OTHER_ROLE,
  'last-admin': LAST_ADMIN_MESSAGE,
};

/**
 * The second person's decision on a pending grant (lib/users/access-grants.ts): approving sends the
 * invitation (its link to the invitee only) or applies the change; the requester's "reject" withdraws
 * their own request. Runs as the owner, since a change of role is closed to the app role (drizzle/0023);
 * a refusal is audited in a transaction of its own, because the decision's transaction rolls back.
 */
export async function decideGrant(actor: Actor, raw: DecideGrantInput | unknown, options: { baseUrl: string; now?: Date }): Promise<GrantOutcome> {
  await assertMayDecideAny(actor, 'access-grant.decide');
  const input = parseOrThrow(decideGrantSchema, raw);
  const now = options.now ?? new Date();
  let outcome: GrantOutcome | Refusal;
  try {
    outcome = await asSystem(async (tx): Promise<GrantOutcome | Refusal> => {
      const [grant] = await tx.select().from(accessGrants).where(eq(accessGrants.id, input.grantId)).for('update');
      if (!grant || !mayView(actor, grant)) throw new AppError('NOT_FOUND', GRANT_NOT_FOUND);
      if (grant.decidedAt) throw new AppError('CONFLICT', ALREADY_DECIDED);
      const withdraw = input.decision === 'reject' && grant.requestedBy === actor.userId;
      if (!withdraw && !mayDecide(actor, grant)) {
        return { refused: grant.requestedBy === actor.userId ? 'own-request' : grant.userId === actor.userId ? 'own-account' : 'other-role' };
      }
      const decision = withdraw ? 'withdrawn' : input.decision === 'approve' ? 'approved' : 'rejected';
      let invitationId: string | undefined;
      if (decision === 'approved') {
        if (grant.kind === 'invitation') invitationId = await issueInvitation(tx, grant, actor, { baseUrl: options.baseUrl, now });
        else await applyGrantedChange(tx, grant, actor, now);
      }
      await tx.update(accessGrants).set({ decision, decidedBy: actor.userId, decidedAt: now, invitationId }).where(eq(accessGrants.id, grant.id));
      if (!withdraw) {
        const name = grant.name ?? (await tx.select({ name: users.name }).from(users).where(eq(users.id, grant.userId!)))[0]?.name ?? '';
        await notifyUsers(tx, [grant.requestedBy], {
          kind: 'access-grant',
          title: `${decision === 'approved' ? 'Goedgekeurd' : 'Afgewezen'} door ${actor.name}: ${name} als ${ROLE_NAMES[grant.role]}`,
          link: '/admin',
        });
      }
      await audit(tx, subjectOf(actor), {
        action: 'update',
        entity: 'access-grant',
        entityId: grant.id,
        details: { decision, kind: grant.kind, role: grant.role, ...(invitationId && { invitationId }) },
      });
      return { decision, kind: grant.kind, ...(invitationId && { invitationId }) };
    });
  } catch (error) {
    if (!(error instanceof LastAdminError)) throw error;
    outcome = { refused: 'last-admin' };
  }
  if ('refused' in outcome) {
    return refuse(
      actor,
      { entity: 'access-grant', entityId: input.grantId, attempted: `access-grant.${input.decision}`, reason: outcome.refused },
      REFUSALS[outcome.refused],
    );
  }
  return outcome;
}
