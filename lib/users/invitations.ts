import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { organisations, userInvitations, userRole, users, type AccessGrant, type UserRole } from '@/db/schema';
import { asSystem, asUser } from '@/db/transaction';
import type { Executor, Tx } from '@/db/types';
import { assertAdmin } from '@/lib/users/admin-guard';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, validation, msg } from '@/lib/errors';
import { enqueueMail } from '@/lib/notify/outbox';
import { z, type FieldErrors } from '@/lib/validation/zod';
import { pendingGrantFor, requestGrant } from './access-grants';
import { INVITATION_LIFETIME_MS, invitationLink, newInvitationToken } from './invitation-token';
import { roleMismatch } from './role-fit';
import { parseOrThrow } from '@/lib/validation/parse';

/*
 * New accounts come by invitation, with four eyes: the admin names the person, role and organisation;
 * that is a pending grant (lib/users/access-grants.ts) until someone else approves it. Only then is the
 * invitation made and its single-use link, valid 24 hours, mailed to the invitee, who chooses their own
 * password there (lib/users/accept-invitation.ts). Nobody else ever sees the link: not the admin who
 * asked (not on screen, not in an answer, not in the dev mailbox), not the one who approved.
 */

export const inviteUserSchema = z.strictObject({
  email: z
    .string({ message: msg('common.fillInEmail') })
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: msg('common.invalidEmail') }).max(254, msg('common.emailTooLong'))),
  name: z.string({ message: msg('common.fillInName') }).trim().min(1, msg('common.fillInName')).max(200, msg('common.nameTooLong')),
  role: z.enum(userRole.enumValues, { message: msg('users.chooseRole') }),
  organisationId: z.uuid({ message: msg('common.chooseOrganisation') }),
});
export type InviteUserInput = z.input<typeof inviteUserSchema>;

/** What the admin who asked learns: that it waits for someone else. Never the link. */
export interface RequestedInvitation {
  grantId: string;
  email: string;
}

const expiryText = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(d);

/** Why an invitation for this address, role and organisation cannot be made now, as field errors; null when it can. */
async function invitationProblems(tx: Executor, input: { email: string; role: UserRole; organisationId: string }, now: Date): Promise<FieldErrors | null> {
  const [org] = await tx
    .select({ domain: organisations.domain, active: organisations.active })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!org?.active) return { organisationId: [msg('users.chooseActiveOrganisation')] };
  const misfit = roleMismatch(input.role, org.domain);
  if (misfit) return { organisationId: [misfit] };
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email));
  if (existing) return { email: [msg('users.accountExists')] };
  const [open] = await tx
    .select({ id: userInvitations.id })
    .from(userInvitations)
    .where(
      and(
        eq(sql`lower(${userInvitations.email})`, input.email),
        isNull(userInvitations.acceptedAt),
        isNull(userInvitations.revokedAt),
        gt(userInvitations.expiresAt, now),
      ),
    );
  if (open) return { email: [msg('users.invitationOpen')] };
  return null;
}

/**
 * Asks for an invitation: a pending grant, with a mail to the other admins. Runs as the owner, because
 * grant, mail and audit entry must commit together and both tables are closed to the app role; the admin
 * check is here.
 */
export async function inviteUser(
  actor: Actor,
  raw: InviteUserInput | unknown,
  options: { baseUrl: string; now?: Date },
): Promise<RequestedInvitation> {
  await assertAdmin(actor, 'invitation', 'invitation.create');
  return askInvitation(actor, parseOrThrow(inviteUserSchema, raw), options);
}

/** The pending grant of a checked invitation; the caller has checked the actor (an admin, or a partnerbeheerder for its own organisation). */
export async function askInvitation(
  actor: Actor,
  input: z.output<typeof inviteUserSchema>,
  options: { baseUrl: string; now?: Date },
): Promise<RequestedInvitation> {
  const now = options.now ?? new Date();
  return asSystem(async (tx) => {
    const problems = await invitationProblems(tx, input, now);
    if (problems) throw validation(problems);
    if (await pendingGrantFor(tx, { email: input.email })) {
      throw validation({ email: [msg('users.invitationPending')] });
    }
    const grantId = await requestGrant(tx, actor, { kind: 'invitation', ...input }, { baseUrl: options.baseUrl, now });
    return { grantId, email: input.email };
  });
}

/**
 * The approved invitation (lib/users/decide-grant.ts): made now, valid 24 hours from now, its link mailed
 * to the invitee alone. The checks of the request are made again: much can change while a grant waits.
 */
export async function issueInvitation(tx: Tx, grant: AccessGrant, approver: Actor, options: { baseUrl: string; now: Date }): Promise<string> {
  const email = grant.email!;
  const problems = await invitationProblems(tx, { email, role: grant.role, organisationId: grant.organisationId }, options.now);
  if (problems) throw new AppError('CONFLICT', msg('users.invitationNoLonger', { problem: Object.values(problems)[0]![0]! }));
  const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, grant.requestedBy));
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(options.now.getTime() + INVITATION_LIFETIME_MS);
  const [row] = await tx
    .insert(userInvitations)
    .values({ tokenHash, email, name: grant.name!, role: grant.role, organisationId: grant.organisationId, invitedBy: grant.requestedBy, expiresAt, createdAt: options.now })
    .returning({ id: userInvitations.id });
  await enqueueMail(tx, [
    {
      dedupeKey: `invitation:${row!.id}`,
      to: email,
      subject: 'Uitnodiging voor Casusregie',
      text: [
        `Beste ${grant.name},`,
        '',
        `${inviter?.name ?? 'Functioneel beheer'} heeft een account voor je aangemaakt in Casusregie, en ${approver.name} heeft dat goedgekeurd. Kies je wachtwoord via deze link. De link werkt één keer en is geldig tot ${expiryText(expiresAt)}:`,
        '',
        invitationLink(options.baseUrl, token),
        '',
        'Daarna meld je je aan en stel je tweestapsverificatie in met een authenticator-app.',
        '',
        'Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren.',
      ].join('\n'),
    },
  ]);
  // Ids and the role only: the email address and name stay in the invitation itself.
  await audit(tx, subjectOf(approver), {
    action: 'create',
    entity: 'invitation',
    entityId: row!.id,
    details: { role: grant.role, organisationId: grant.organisationId, grantId: grant.id, invitedBy: grant.requestedBy },
  });
  return row!.id;
}

export interface InvitationListItem {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  organisationName: string;
  invitedByName: string;
  createdAt: Date;
  expiresAt: Date;
  status: 'open' | 'expired';
}

const inviter = alias(users, 'inviter');
const SHOWN_DAYS = 30;

/** Invitations not used and not withdrawn, of the last 30 days (expired ones too, to invite again). */
export async function listInvitations(actor: Actor, now = new Date()): Promise<InvitationListItem[]> {
  await assertAdmin(actor, 'invitation', 'invitation.list');
  const since = new Date(now.getTime() - SHOWN_DAYS * 24 * 60 * 60 * 1000);
  const rows = await asUser(actor.userId, (tx) =>
    tx
      .select({
        id: userInvitations.id,
        email: userInvitations.email,
        name: userInvitations.name,
        role: userInvitations.role,
        organisationName: organisations.name,
        invitedByName: inviter.name,
        createdAt: userInvitations.createdAt,
        expiresAt: userInvitations.expiresAt,
      })
      .from(userInvitations)
      .innerJoin(organisations, eq(organisations.id, userInvitations.organisationId))
      .innerJoin(inviter, eq(inviter.id, userInvitations.invitedBy))
      .where(and(isNull(userInvitations.acceptedAt), isNull(userInvitations.revokedAt), gt(userInvitations.createdAt, since)))
      .orderBy(desc(userInvitations.createdAt)),
  );
  return rows.map((r) => ({ ...r, status: r.expiresAt > now ? 'open' : 'expired' }));
}

export const revokeInvitationSchema = z.strictObject({ invitationId: z.uuid({ message: msg('users.unknownInvitation') }) });
export type RevokeInvitationInput = z.input<typeof revokeInvitationSchema>;

/** Withdraws an invitation that was not used yet: its link stops working at once. */
export async function revokeInvitation(actor: Actor, raw: RevokeInvitationInput | unknown, now = new Date()): Promise<void> {
  await assertAdmin(actor, 'invitation', 'invitation.revoke');
  const parsed = revokeInvitationSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND', msg('users.invitationNotFound'));
  await asUser(actor.userId, async (tx) => {
    const [row] = await tx
      .update(userInvitations)
      .set({ revokedAt: now })
      .where(and(eq(userInvitations.id, parsed.data.invitationId), isNull(userInvitations.acceptedAt), isNull(userInvitations.revokedAt)))
      .returning({ id: userInvitations.id });
    if (!row) throw new AppError('CONFLICT', msg('users.invitationUsed'));
    await audit(tx, subjectOf(actor), { action: 'delete', entity: 'invitation', entityId: row.id, details: { revoked: true } });
  });
}
