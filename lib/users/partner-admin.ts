import { and, asc, countDistinct, eq, isNull } from 'drizzle-orm';
import { accessGrants, casePartners, cases, type CaseStatus } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import { enforce } from '@/lib/access/enforce';
import type { Actor } from '@/lib/actor';
import { auditDenied } from '@/lib/audit/record';
import { resetSecondFactor } from '@/lib/auth/second-factor';
import { NotFoundError, AppError, msg } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation/parse';
import { z } from '@/lib/validation/zod';
import { refuse } from './admin-guard';
import { askInvitation, inviteUserSchema, type RequestedInvitation } from './invitations';
import { applyUserActive, readUser, readUsers, type SetUserActiveInput, type UserDetail, type UserListItem } from './manage-users';
import { userIdSchema, type UserIdInput } from './user-security';

/*
 * A partner organisation's own administration, by its partnerbeheerder (role partnerbeheer): the admin's
 * user management (lib/users/manage-users.ts, invitations.ts, user-security.ts) scoped to the actor's own
 * organisation. Another organisation's account does not exist for it: 404, audited as denied; row-level
 * security (drizzle/0042) hides those accounts underneath as well. An invitation is asked like an admin's,
 * a professional of its own organisation, and waits for a second person of the house (four eyes). Of
 * cases it learns only how many its organisation is convened to.
 */

/** The partnerbeheerder's organisation: the scope of everything it does here. Anyone else: 404, audited. */
async function ownOrganisation(actor: Actor, attempted: string): Promise<string> {
  await enforce(actor, 'partner.users', { entity: 'user', attempted, kind: 'admin' });
  return actor.organisationId;
}

/** An account outside the organisation (or none at all) answers 404, and the attempt is logged. */
async function withinOrganisation<T>(actor: Actor, rawUserId: unknown, attempted: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      const entityId = z.uuid().safeParse(rawUserId);
      await auditDenied(actor, {
        action: 'denied',
        entity: 'user',
        entityId: entityId.success ? entityId.data : null,
        details: { attempted, reason: 'other-organisation' },
      });
      throw error instanceof NotFoundError ? error : new NotFoundError('admin');
    }
    throw error;
  }
}

const userIdOf = (raw: unknown) => (raw && typeof raw === 'object' && 'userId' in raw ? raw.userId : undefined);

export function listOwnUsers(actor: Actor): Promise<UserListItem[]> {
  return ownOrganisation(actor, 'partner.user.list').then((scope) => readUsers(actor, scope));
}

export async function getOwnUser(actor: Actor, rawId: unknown, now = new Date()): Promise<UserDetail> {
  const scope = await ownOrganisation(actor, 'partner.user.view');
  return withinOrganisation(actor, rawId, 'partner.user.view', () => readUser(actor, rawId, scope, now));
}

/** Blocks or unblocks a colleague: blocking ends their sessions at once, as an admin's does. */
export async function setOwnUserActive(actor: Actor, raw: SetUserActiveInput | unknown): Promise<void> {
  const scope = await ownOrganisation(actor, 'partner.user.active');
  return withinOrganisation(actor, userIdOf(raw), 'partner.user.active', () => applyUserActive(actor, raw, scope));
}

/** Re-enrolment: a new authenticator app at the next sign-in (lost phone), all sessions ended. */
export async function resetOwnUserSecondFactor(actor: Actor, raw: UserIdInput | unknown, now = new Date()): Promise<void> {
  const scope = await ownOrganisation(actor, 'partner.user.second-factor');
  const { userId } = parseOrThrow(userIdSchema, raw);
  if (userId === actor.userId) {
    return refuse(actor, { entity: 'user', entityId: userId, attempted: 'partner.user.second-factor', reason: 'own-account' }, msg('users.resetOwnSecondFactor'));
  }
  return withinOrganisation(actor, userId, 'partner.user.second-factor', () =>
    asSystem((tx) => resetSecondFactor(tx, actor, userId, now, scope)),
  );
}

/** A colleague to invite: name and address; the role (professional) and organisation (its own) are fixed. */
export const inviteColleagueSchema = inviteUserSchema.pick({ email: true, name: true });
export type InviteColleagueInput = z.input<typeof inviteColleagueSchema>;

export async function inviteColleague(
  actor: Actor,
  raw: InviteColleagueInput | unknown,
  options: { baseUrl: string; now?: Date },
): Promise<RequestedInvitation> {
  const scope = await ownOrganisation(actor, 'partner.invitation.create');
  const input = parseOrThrow(inviteColleagueSchema, raw);
  return askInvitation(actor, { ...input, role: 'professional', organisationId: scope }, options);
}

export interface PendingInvitation {
  grantId: string;
  name: string;
  email: string;
  requestedAt: Date;
}

/** Invitations for its organisation that wait for the house's approval (grants are closed to the role, hence the owner, scoped here). */
export async function pendingOwnInvitations(actor: Actor): Promise<PendingInvitation[]> {
  const scope = await ownOrganisation(actor, 'partner.invitation.list');
  const rows = await asSystem((tx) =>
    tx
      .select({ grantId: accessGrants.id, name: accessGrants.name, email: accessGrants.email, requestedAt: accessGrants.requestedAt })
      .from(accessGrants)
      .where(and(eq(accessGrants.organisationId, scope), eq(accessGrants.kind, 'invitation'), isNull(accessGrants.decidedAt)))
      .orderBy(asc(accessGrants.requestedAt)),
  );
  return rows.map((r) => ({ ...r, name: r.name ?? '', email: r.email ?? '' }));
}

/** How many cases the organisation is convened to now, per status: numbers only, no case is named. */
export async function convenedCaseCounts(actor: Actor): Promise<Partial<Record<CaseStatus, number>>> {
  const scope = await ownOrganisation(actor, 'partner.cases.count');
  // case_partners and cases are closed to the role (RLS): counted as the owner, for this organisation only.
  const rows = await asSystem((tx) =>
    tx
      .select({ status: cases.status, n: countDistinct(cases.id) })
      .from(casePartners)
      .innerJoin(cases, eq(cases.id, casePartners.caseId))
      .where(and(eq(casePartners.organisationId, scope), isNull(casePartners.endedAt)))
      .groupBy(cases.status),
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
