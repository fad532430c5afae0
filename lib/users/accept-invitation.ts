import { eq, sql } from 'drizzle-orm';
import { organisations, userInvitations, users, type UserInvitation } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import type { Executor } from '@/db/types';
import { audit, type AuditSubject } from '@/lib/audit/record';
import type { RequestMeta } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { validateNewPassword } from '@/lib/auth/password-policy';
import type { FieldErrors } from '@/lib/validation/zod';
import { z } from '@/lib/validation/zod';
import { hashInvitationToken, invitationTokenSchema } from './invitation-token';
import { roleMismatch } from './role-fit';
import { msg } from '@/lib/errors';

/*
 * The invitee's side of an invitation: a public page (no session yet), so everything runs as the owner.
 * An unknown, expired, used or withdrawn link gets one and the same answer (nothing tells which), nothing
 * changes, and the attempt is in the audit log with the real reason.
 */

export const INVALID_INVITATION =
  'Deze uitnodigingslink werkt niet (meer): hij is verlopen, al gebruikt of ingetrokken. Vraag de functioneel beheerder om een nieuwe uitnodiging.';
export const EMAIL_TAKEN =
  'Er bestaat al een account met dit e-mailadres. Meld je aan, of vraag de functioneel beheerder om hulp.';

type Refusal = 'unknown' | 'expired' | 'used' | 'revoked' | 'organisation';

const anonymous = (meta: RequestMeta): AuditSubject => ({ userId: null, organisationId: null, role: null, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null });

interface Found {
  invitation: UserInvitation | null;
  refusal: Refusal | null;
}

/** The invitation a token stands for, and why it cannot be used (null when it can). Locks the row. */
async function findInvitation(tx: Executor, token: unknown, now: Date): Promise<Found> {
  const parsed = invitationTokenSchema.safeParse(token);
  if (!parsed.success) return { invitation: null, refusal: 'unknown' };
  const [invitation] = await tx
    .select()
    .from(userInvitations)
    .where(eq(userInvitations.tokenHash, hashInvitationToken(parsed.data)))
    .for('update');
  if (!invitation) return { invitation: null, refusal: 'unknown' };
  if (invitation.acceptedAt) return { invitation, refusal: 'used' };
  if (invitation.revokedAt) return { invitation, refusal: 'revoked' };
  if (invitation.expiresAt <= now) return { invitation, refusal: 'expired' };
  const [org] = await tx
    .select({ active: organisations.active, domain: organisations.domain })
    .from(organisations)
    .where(eq(organisations.id, invitation.organisationId));
  if (!org?.active || roleMismatch(invitation.role, org.domain)) return { invitation, refusal: 'organisation' };
  return { invitation, refusal: null };
}

async function auditRefusal(tx: Executor, meta: RequestMeta, invitationId: string | null, reason: Refusal | 'email-taken', attempted: string) {
  await audit(tx, anonymous(meta), {
    action: 'denied',
    entity: 'invitation',
    entityId: invitationId,
    outcome: 'denied',
    details: { attempted, reason },
  });
}

export type InvitationCheck =
  | { valid: true; email: string; name: string; organisationName: string; expiresAt: Date }
  | { valid: false; message: string };

/** For the page behind the link: whom it invites, or the one message for a link that does not work. */
export async function checkInvitation(token: unknown, meta: RequestMeta, now = new Date()): Promise<InvitationCheck> {
  return asSystem(async (tx) => {
    const found = await findInvitation(tx, token, now);
    if (found.refusal || !found.invitation) {
      await auditRefusal(tx, meta, found.invitation?.id ?? null, found.refusal ?? 'unknown', 'invitation.open');
      return { valid: false, message: INVALID_INVITATION };
    }
    const { email, name, expiresAt, organisationId } = found.invitation;
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    return { valid: true, email, name, organisationName: org?.name ?? '', expiresAt };
  });
}

export const acceptInvitationSchema = z.object({
  token: z.string().max(200),
  password: z.string().max(1024, msg('auth.passwordTooLong')),
  repeatPassword: z.string().max(1024, msg('auth.passwordTooLong')),
});

export type AcceptResult = { ok: true; userId: string } | { ok: false; message: string; fieldErrors?: FieldErrors };

/**
 * Sets the invitee's password and creates the account, in one transaction that also uses up the link
 * (the row is locked, so two tabs with the same link cannot both succeed). The password rules apply;
 * a refused password changes nothing and leaves the link valid. The second factor is set up at the
 * first sign-in. Returns instead of throwing, so that the audit entry of a refusal is committed.
 */
export async function acceptInvitation(raw: unknown, meta: RequestMeta, now = new Date()): Promise<AcceptResult> {
  const parsed = acceptInvitationSchema.safeParse(raw);
  return asSystem(async (tx): Promise<AcceptResult> => {
    const found = await findInvitation(tx, parsed.success ? parsed.data.token : null, now);
    const { invitation } = found;
    if (found.refusal || !invitation) {
      await auditRefusal(tx, meta, invitation?.id ?? null, found.refusal ?? 'unknown', 'invitation.accept');
      return { ok: false, message: INVALID_INVITATION };
    }
    if (!parsed.success) return { ok: false, message: 'Controleer de gemarkeerde velden.', fieldErrors: { password: ['Vul een wachtwoord in.'] } };
    const { password, repeatPassword } = parsed.data;
    const problems = validateNewPassword(password, { email: invitation.email, name: invitation.name });
    if (problems.length) return { ok: false, message: 'Controleer de gemarkeerde velden.', fieldErrors: { password: problems } };
    if (password !== repeatPassword) {
      return { ok: false, message: 'Controleer de gemarkeerde velden.', fieldErrors: { repeatPassword: ['De twee wachtwoorden zijn niet gelijk.'] } };
    }
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, invitation.email.toLowerCase()));
    if (taken) {
      await auditRefusal(tx, meta, invitation.id, 'email-taken', 'invitation.accept');
      return { ok: false, message: EMAIL_TAKEN };
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        organisationId: invitation.organisationId,
        passwordHash: await hashPassword(password),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    await tx.update(userInvitations).set({ acceptedAt: now }).where(eq(userInvitations.id, invitation.id));
    await audit(
      tx,
      { userId: user!.id, organisationId: invitation.organisationId, role: invitation.role, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null },
      { action: 'create', entity: 'user', entityId: user!.id, details: { invitationId: invitation.id, role: invitation.role, organisationId: invitation.organisationId } },
    );
    return { ok: true, userId: user!.id };
  });
}
