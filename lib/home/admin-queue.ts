import { and, asc, count, eq, gt, isNull, lte } from 'drizzle-orm';
import { accessGrants, mailOutbox, userInvitations, users } from '@/db/schema';
import type { Tx } from '@/db/types';
import type { Actor } from '@/lib/actor';
import { mayDecide } from '@/lib/users/access-grants';
import type { QueueClock } from './clock';
import type { AdminQueue } from './queue-views';
import { QUEUE_LIMIT } from './regisseur-queue';

/** Expired invitations stay worth a look (to invite again) this long, as in the admin's own list. */
const EXPIRED_SHOWN_DAYS = 30;

/** Functioneel beheer's small queue: approvals waiting for her, invitations, blocked accounts, mail that failed. No case content. */
export async function adminQueue(tx: Tx, actor: Actor, clock: QueueClock): Promise<AdminQueue> {
  const pending = await tx
    .select({ grantId: accessGrants.id, name: accessGrants.name, targetName: users.name, role: accessGrants.role, requestedAt: accessGrants.requestedAt, requestedBy: accessGrants.requestedBy, userId: accessGrants.userId })
    .from(accessGrants)
    .leftJoin(users, eq(users.id, accessGrants.userId))
    .where(isNull(accessGrants.decidedAt))
    .orderBy(asc(accessGrants.requestedAt));
  const grantsToDecide = pending
    .filter((g) => mayDecide(actor, g))
    .slice(0, QUEUE_LIMIT)
    .map((g) => ({ grantId: g.grantId, name: g.name ?? g.targetName ?? '', role: g.role, requestedAt: g.requestedAt }));

  const unused = and(isNull(userInvitations.acceptedAt), isNull(userInvitations.revokedAt));
  const [open] = await tx.select({ n: count() }).from(userInvitations).where(and(unused, gt(userInvitations.expiresAt, clock.now)));
  const expiredSince = new Date(clock.now.getTime() - EXPIRED_SHOWN_DAYS * 24 * 3600 * 1000);
  const [expired] = await tx
    .select({ n: count() })
    .from(userInvitations)
    .where(and(unused, lte(userInvitations.expiresAt, clock.now), gt(userInvitations.createdAt, expiredSince)));

  const blockedAccounts = await tx
    .select({ userId: users.id, name: users.name })
    .from(users)
    .where(eq(users.active, false))
    .orderBy(asc(users.name))
    .limit(QUEUE_LIMIT);
  const [failed] = await tx.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.status, 'failed'));

  return {
    role: 'admin',
    grantsToDecide,
    invitationsOpen: open?.n ?? 0,
    invitationsExpired: expired?.n ?? 0,
    blockedAccounts,
    mailFailures: failed?.n ?? 0,
  };
}
