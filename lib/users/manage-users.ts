import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { organisations, userRole, userSessions, users, userTotp, type AccessGrant, type OrganisationDomain, type UserRole } from '@/db/schema';
import { asSystem, asUser } from '@/db/transaction';
import type { Executor, Tx } from '@/db/types';
import { assertAdmin, assertAnAdminRemains, LAST_ADMIN_MESSAGE, LastAdminError, lockAdminChanges, otherAdmins, refuse } from '@/lib/users/admin-guard';
import { audit, subjectOf } from '@/lib/audit/record';
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS } from '@/lib/auth/policy';
import { revokeAllSessions } from '@/lib/auth/sessions';
import type { Actor } from '@/lib/actor';
import { accountLockedUntil } from '@/lib/auth/throttle';
import { AppError, conflict, notFound, validation, msg } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { pendingGrantFor, requestGrant } from './access-grants';
import { roleMismatch } from './role-fit';
import { parseOrThrow } from '@/lib/validation/parse';

/*
 * Functioneel beheer of user accounts: the list, one account's details, blocking, and role and
 * organisation. Admins only; anyone else gets 404 and an audit entry. An admin cannot change their own
 * role, organisation or active flag (no admin can grant themselves case access or lock themselves out),
 * a new role or organisation takes a second person (four eyes), and no change may leave the house
 * without an active admin.
 */

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  active: boolean;
  lastSignInAt: Date | null;
  version: number;
  organisationId: string;
  organisationName: string;
}

/** The columns of an account as the user list shows it; the detail page adds to them. */
const userListColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  lastSignInAt: users.lastSignInAt,
  version: users.version,
  organisationId: organisations.id,
  organisationName: organisations.name,
};

export async function listUsers(actor: Actor): Promise<UserListItem[]> {
  await assertAdmin(actor, 'user', 'user.list');
  return readUsers(actor, null);
}

/**
 * The accounts of the house, or of one organisation (`scope`: a partnerbeheerder's own, lib/users/partner-admin.ts).
 * The caller has checked the actor may read them.
 */
export function readUsers(actor: Actor, scope: string | null): Promise<UserListItem[]> {
  return asUser(actor.userId, (tx) =>
    tx
      .select(userListColumns)
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(scope ? eq(users.organisationId, scope) : undefined)
      .orderBy(asc(organisations.name), asc(users.name)),
  );
}

export interface UserDetail extends UserListItem {
  organisationDomain: OrganisationDomain;
  organisationActive: boolean;
  createdAt: Date;
  /** The authenticator app is set up (null: the user sets it up at the next sign-in). */
  secondFactorSince: Date | null;
  lockedUntil: Date | null;
  activeSessions: number;
}

/** One account with its security state (second factor, lock, sessions), which only the owner role reads. */
export async function getUser(actor: Actor, rawId: unknown, now = new Date()): Promise<UserDetail> {
  await assertAdmin(actor, 'user', 'user.view');
  return readUser(actor, rawId, null, now);
}

/** One account, of the house or only of the organisation `scope` (else 404); the caller has checked the actor. */
export async function readUser(actor: Actor, rawId: unknown, scope: string | null, now = new Date()): Promise<UserDetail> {
  const id = z.uuid().safeParse(rawId);
  if (!id.success) throw notFound();
  const user = await asUser(actor.userId, async (tx) => {
    const [row] = await tx
      .select({
        ...userListColumns,
        createdAt: users.createdAt,
        organisationDomain: organisations.domain,
        organisationActive: organisations.active,
      })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(eq(users.id, id.data), scope ? eq(users.organisationId, scope) : undefined));
    return row;
  });
  if (!user) throw notFound();
  // Second factor, sign-in counters and sessions are closed to the app role; read-only here.
  const security = await asSystem(async (tx) => {
    const [factor] = await tx.select({ confirmedAt: userTotp.confirmedAt }).from(userTotp).where(eq(userTotp.userId, user.id));
    const [sessions] = await tx
      .select({ n: count() })
      .from(userSessions)
      .where(
        and(
          eq(userSessions.userId, user.id),
          isNull(userSessions.revokedAt),
          gt(userSessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)),
          gt(userSessions.createdAt, new Date(now.getTime() - ABSOLUTE_LIFETIME_MS)),
        ),
      );
    return {
      secondFactorSince: factor?.confirmedAt ?? null,
      lockedUntil: await accountLockedUntil(tx, user.email, now),
      activeSessions: sessions?.n ?? 0,
    };
  });
  return { ...user, ...security };
}

export const setUserActiveSchema = z.strictObject({
  userId: z.uuid({ message: msg('users.unknownUser') }),
  active: z.boolean({ message: msg('users.chooseBlock') }),
  version: z.coerce.number({ message: msg('common.versionMissingReload') }).int().positive(),
});
export type SetUserActiveInput = z.input<typeof setUserActiveSchema>;

/** Blocking ends every session of the user on their next request; unblocking revives none of them. */
export async function setUserActive(actor: Actor, raw: SetUserActiveInput | unknown): Promise<void> {
  await assertAdmin(actor, 'user', 'user.active');
  return applyUserActive(actor, raw, null);
}

/** Blocks or unblocks an account of the house, or only of the organisation `scope` (else 404); the caller has checked the actor. */
export async function applyUserActive(actor: Actor, raw: SetUserActiveInput | unknown, scope: string | null): Promise<void> {
  const input = parseOrThrow(setUserActiveSchema, raw);
  if (input.userId === actor.userId) {
    const last = !scope && (await otherAdmins(actor)) === 0;
    return refuse(
      actor,
      { entity: 'user', entityId: input.userId, attempted: 'user.active', reason: last ? 'last-admin' : 'own-account' },
      last
        ? msg('users.blockSelfLastAdmin')
        : msg('users.blockSelf'),
    );
  }
  await changeUser(actor, input.userId, input.version, 'user.active', scope, async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({
        active: input.active,
        version: sql`${users.version} + 1`,
        // A new session version ends every token already handed out, at the user's next request.
        ...(!input.active && { sessionVersion: sql`${users.sessionVersion} + 1` }),
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, input.userId), eq(users.version, input.version)))
      .returning({ id: users.id });
    return updated ? { details: { active: input.active }, endSessions: !input.active } : null;
  });
}

export const changeUserAccessSchema = z.strictObject({
  userId: z.uuid({ message: msg('users.unknownUser') }),
  role: z.enum(userRole.enumValues, { message: msg('users.chooseRole') }),
  organisationId: z.uuid({ message: msg('common.chooseOrganisation') }),
  version: z.coerce.number({ message: msg('common.versionMissingReload') }).int().positive(),
});
export type ChangeUserAccessInput = z.input<typeof changeUserAccessSchema>;

/**
 * Asks for a new role or organisation: with four eyes, that is a pending grant (lib/users/access-grants.ts)
 * which someone else approves; only then does it apply and end every session of the user. The request is
 * checked now (the version read, a role that fits an active organisation) and again at approval. Not for
 * the admin's own account: that is how an admin would grant themselves case access.
 */
export async function changeUserAccess(
  actor: Actor,
  raw: ChangeUserAccessInput | unknown,
  options: { baseUrl?: string; now?: Date } = {},
): Promise<{ grantId: string | null }> {
  await assertAdmin(actor, 'user', 'user.access');
  const input = parseOrThrow(changeUserAccessSchema, raw);
  const now = options.now ?? new Date();
  if (input.userId === actor.userId) {
    return refuse(
      actor,
      { entity: 'user', entityId: input.userId, attempted: 'user.access', reason: 'own-account' },
      msg('users.changeSelf'),
    );
  }
  return asSystem(async (tx) => {
    const [before] = await tx
      .select({ role: users.role, organisationId: users.organisationId, version: users.version, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!before) throw notFound();
    if (before.version !== input.version) throw conflict();
    await assertFits(tx, input.role, input.organisationId, (message) => validation({ organisationId: [message] }));
    if (before.role === input.role && before.organisationId === input.organisationId) return { grantId: null };
    if (await pendingGrantFor(tx, { userId: input.userId })) {
      throw validation({ role: [PENDING_CHANGE] }, PENDING_CHANGE);
    }
    const grantId = await requestGrant(
      tx,
      actor,
      { kind: 'change', userId: input.userId, userVersion: before.version, name: before.name, email: before.email, role: input.role, organisationId: input.organisationId },
      { baseUrl: options.baseUrl, now },
    );
    return { grantId };
  });
}

export const PENDING_CHANGE = msg('users.changePending');

/** The role fits an active organisation, or `fail` says why not. */
async function assertFits(tx: Executor, role: UserRole, organisationId: string, fail: (message: string) => Error): Promise<void> {
  const [org] = await tx.select({ domain: organisations.domain, active: organisations.active }).from(organisations).where(eq(organisations.id, organisationId));
  if (!org?.active) throw fail(msg('users.chooseActiveOrganisation'));
  const misfit = roleMismatch(role, org.domain);
  if (misfit) throw fail(misfit);
}

/**
 * The approved change (lib/users/decide-grant.ts), in the approver's owner transaction: only to the
 * version it was asked against, still fitting, serialised with every change that can take an admin away,
 * rolled back when no admin would remain (LastAdminError). Every session of the user ends.
 */
export async function applyGrantedChange(tx: Tx, grant: AccessGrant, approver: Actor, now: Date): Promise<void> {
  await lockAdminChanges(tx);
  const userId = grant.userId!;
  const [before] = await tx.select({ role: users.role, organisationId: users.organisationId, version: users.version }).from(users).where(eq(users.id, userId));
  if (!before) throw notFound();
  if (before.version !== grant.userVersion) {
    throw new AppError('CONFLICT', msg('users.userChangedSinceRequest'));
  }
  await assertFits(tx, grant.role, grant.organisationId, (message) => new AppError('CONFLICT', msg('users.changeNoLonger', { message })));
  const changed = [...(before.role !== grant.role ? ['role'] : []), ...(before.organisationId !== grant.organisationId ? ['organisationId'] : [])];
  await tx
    .update(users)
    .set({
      role: grant.role,
      organisationId: grant.organisationId,
      version: sql`${users.version} + 1`,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
  await assertAnAdminRemains(tx);
  await audit(tx, subjectOf(approver), {
    action: 'update',
    entity: 'user',
    entityId: userId,
    details: { changed, role: grant.role, organisationId: grant.organisationId, grantId: grant.id, requestedBy: grant.requestedBy },
  });
  await revokeAllSessions(tx, userId, now);
}

type Change = (
  tx: Tx,
  before: { role: UserRole; organisationId: string; version: number },
) => Promise<{ details: Record<string, unknown> | null; endSessions: boolean } | null>;

/**
 * The frame of a change to another user's account: serialised with every other change that can take an
 * admin away, at the version read (409 otherwise), audited, and rolled back when no admin would remain.
 * `change` answers null when its update matched no row; `details: null` means nothing changed.
 */
async function changeUser(actor: Actor, userId: string, version: number, attempted: string, scope: string | null, change: Change): Promise<void> {
  let endSessions = false;
  try {
    endSessions = await asUser(actor.userId, async (tx) => {
      await lockAdminChanges(tx);
      const [before] = await tx
        .select({ role: users.role, organisationId: users.organisationId, version: users.version })
        .from(users)
        .where(eq(users.id, userId));
      if (!before || (scope && before.organisationId !== scope)) throw notFound();
      if (before.version !== version) throw conflict();
      const result = await change(tx, before);
      if (!result) throw conflict();
      if (!result.details) return false;
      // Within one organisation only professionals and partnerbeheerders change (drizzle/0042): no admin goes.
      if (!scope) await assertAnAdminRemains(tx);
      await audit(tx, subjectOf(actor), { action: 'update', entity: 'user', entityId: userId, details: result.details });
      return result.endSessions;
    });
  } catch (error) {
    if (error instanceof LastAdminError) {
      return refuse(actor, { entity: 'user', entityId: userId, attempted, reason: 'last-admin' }, LAST_ADMIN_MESSAGE);
    }
    throw error;
  }
  // Session rows belong to the sign-in machinery (owner only); the new session version already ended them.
  if (endSessions) await asSystem((tx) => revokeAllSessions(tx, userId));
}
