import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { organisations, userInvitations, users } from '@/db/schema';
import type { Executor } from '@/db/types';
import { audit } from '@/lib/audit/record';
import { roleMismatch } from '@/lib/users/role-fit';
import type { RequestMeta } from '../credentials';
import { hashPassword } from '../password';

/**
 * An approved, still open invitation of this organisation for this address, accepted by the sign-in at
 * the organisation's IdP instead of the link in the mail: the account is created as the admin invited it
 * (name, role, organisation; four-eyes approved), with a password nobody knows, and the invitation is used
 * up. Null when there is no such invitation: then nobody is created.
 */
export async function acceptInvitationAtIdp(
  db: Executor,
  invite: { email: string; organisationId: string },
  meta: RequestMeta,
  now: Date,
): Promise<string | null> {
  const [invitation] = await db
    .select()
    .from(userInvitations)
    .where(
      and(
        eq(sql`lower(${userInvitations.email})`, invite.email),
        eq(userInvitations.organisationId, invite.organisationId),
        isNull(userInvitations.acceptedAt),
        isNull(userInvitations.revokedAt),
        gt(userInvitations.expiresAt, now),
      ),
    )
    .orderBy(desc(userInvitations.createdAt))
    .limit(1)
    .for('update');
  if (!invitation) return null;
  const [org] = await db.select({ active: organisations.active, domain: organisations.domain }).from(organisations).where(eq(organisations.id, invitation.organisationId));
  if (!org?.active || roleMismatch(invitation.role, org.domain)) return null;
  const [user] = await db
    .insert(users)
    .values({
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      organisationId: invitation.organisationId,
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!user) return null;
  await db.update(userInvitations).set({ acceptedAt: now }).where(eq(userInvitations.id, invitation.id));
  await audit(
    db,
    { userId: user.id, organisationId: invitation.organisationId, role: invitation.role, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null },
    { action: 'create', entity: 'user', entityId: user.id, details: { invitationId: invitation.id, role: invitation.role, organisationId: invitation.organisationId, via: 'oidc' } },
  );
  return user.id;
}
