import { and, count, eq, ne, sql } from 'drizzle-orm';
import { organisations, users } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Executor } from '@/db/types';
import type { AdminAction } from '@/lib/access/admin';
import { enforce } from '@/lib/access/enforce';
import { auditDenied } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, msg } from '@/lib/errors';

/*
 * The checks every admin action shares: who may act at all, what an admin may not do to their own
 * account, and that the house always keeps an admin who can sign in.
 */

export type AdminEntity = 'user' | 'organisation' | 'invitation' | 'access-grant';

const ACTION_OF: Record<AdminEntity, AdminAction> = {
  user: 'admin.users',
  'access-grant': 'admin.users',
  invitation: 'admin.invitations',
  organisation: 'admin.organisations',
};

/**
 * Functioneel beheer only (lib/access/admin.ts). Anyone else gets the same 404 as for something that
 * does not exist (the admin screens do not even admit they are there), and the attempt is logged.
 */
export async function assertAdmin(actor: Actor, entity: AdminEntity, attempted: string): Promise<void> {
  await enforce(actor, ACTION_OF[entity], { entity, attempted, kind: 'admin' });
}

/**
 * A refusal of an admin action (own account, last admin): logged in a transaction of its own, since the
 * action's transaction rolls back, then thrown with its Dutch message.
 */
export async function refuse(
  actor: Actor,
  entry: { entity: AdminEntity; entityId: string; attempted: string; reason: string },
  message: string,
): Promise<never> {
  await auditDenied(actor, {
    action: 'denied',
    entity: entry.entity,
    entityId: entry.entityId,
    details: { attempted: entry.attempted, reason: entry.reason },
  });
  throw new AppError('FORBIDDEN', message);
}

export const LAST_ADMIN_MESSAGE =
  msg('users.lastAdmin');

/** Thrown inside a transaction to roll it back; the caller audits and answers LAST_ADMIN_MESSAGE. */
export class LastAdminError extends Error {
  constructor() {
    super(LAST_ADMIN_MESSAGE);
    this.name = 'LastAdminError';
  }
}

// Any number, as long as no other advisory lock of the app uses it (the sweep uses 736300202).
const ADMIN_CHANGES_LOCK = 736300310;

/**
 * Serialises every change that can take an admin away (blocking a user, changing a role or organisation,
 * deactivating an organisation). Without it two admins blocking each other at the same moment would both
 * see the other still active and both succeed, leaving the house without an admin. Held until commit.
 */
export async function lockAdminChanges(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHANGES_LOCK})`);
}

/** After the change, in the same transaction: at least one active admin of an active organisation remains. */
export async function assertAnAdminRemains(tx: Executor): Promise<void> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.role, 'admin'), eq(users.active, true), eq(organisations.active, true)));
  if ((row?.n ?? 0) === 0) throw new LastAdminError();
}

/**
 * How many admins besides the actor could still sign in if the actor's account (or, with
 * `organisationId`, that whole organisation) were gone: tells "not on your own account" apart from
 * "you are the last admin" in the refusal.
 */
export async function otherAdmins(actor: Actor, options: { organisationId?: string } = {}): Promise<number> {
  return asUser(actor.userId, async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(
        and(
          eq(users.role, 'admin'),
          eq(users.active, true),
          eq(organisations.active, true),
          ne(users.id, actor.userId),
          options.organisationId ? ne(users.organisationId, options.organisationId) : undefined,
        ),
      );
    return row?.n ?? 0;
  });
}
