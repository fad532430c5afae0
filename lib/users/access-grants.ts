import { and, desc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accessGrants, organisations, users, type AccessGrant, type UserRole } from '@/db/schema';
import { asUser } from '@/db/transaction';
import type { Executor, Tx } from '@/db/types';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { GRANT_RELATIONS } from '@/lib/access/admin';
import { enforce } from '@/lib/access/enforce';
import { ROLES } from '@/lib/access/outcome';
import { authorize } from '@/lib/access/policy';
import { notifyUsers } from '@/lib/notify/in-app';
import { enqueueMail } from '@/lib/notify/outbox';

/*
 * Four eyes on access. An admin alone could invite a regisseur at an address they controlled, accept the
 * invitation and read every case. Now every role an admin grants (an invitation) and every change of a
 * user's role or organisation is a pending grant until a second person approves it:
 * - a professional: another admin or a regisseur (regisseurs convene the organisations, and know them);
 * - a regisseur or manager: another admin;
 * - an admin: another admin or a manager (else an admin would first invite a second admin account of
 *   their own and approve with it; the manager lets a house with one admin get a second).
 * Nobody decides on their own request or on a grant for their own account; the requester may withdraw it.
 * At the request, the other admins get a mail and whoever may decide a notice in the app. At approval an
 * invitation's link is mailed to the invitee (and only there: the inviter never sees it), a change is
 * applied. Every step is audited (entity access-grant).
 */

export const ROLE_NAMES: Record<UserRole, string> = {
  admin: 'functioneel beheerder',
  manager: 'manager',
  regisseur: 'procesregisseur',
  professional: 'professional',
  partnerbeheer: 'partnerbeheerder',
};

/** The roles that may approve or reject a grant of `role` (besides: not the requester, not the user it is for). */
export function deciderRoles(role: UserRole): UserRole[] {
  return ROLES.filter((decider) => authorize({ role: decider }, 'accessGrant.approve', role) === 'allow');
}

const WHO_DECIDES: Record<UserRole, string> = {
  professional: 'een andere functioneel beheerder of een procesregisseur',
  admin: 'een andere functioneel beheerder of een manager',
  regisseur: 'een andere functioneel beheerder',
  manager: 'een andere functioneel beheerder',
  partnerbeheer: 'een andere functioneel beheerder',
};

type GrantParties = Pick<AccessGrant, 'role' | 'requestedBy' | 'userId'>;

export function mayDecide(actor: Actor, grant: GrantParties): boolean {
  return actor.userId !== grant.requestedBy && actor.userId !== grant.userId && deciderRoles(grant.role).includes(actor.role);
}

/** Whether the actor sees the grant at all: whoever may decide on its role, and the admin who asked. */
export const mayView = (actor: Actor, grant: GrantParties) => actor.userId === grant.requestedBy || deciderRoles(grant.role).includes(actor.role);

/** Anyone who may never decide on a grant gets the same 404 as for a page that does not exist, logged. */
export async function assertMayDecideAny(actor: Actor, attempted: string): Promise<void> {
  await enforce(actor, 'accessGrant.decide', { entity: 'access-grant', attempted, kind: 'admin' });
}

// ---------------------------------------------------------------------------------------------------
// Asking

export type NewGrant =
  | { kind: 'invitation'; email: string; name: string; role: UserRole; organisationId: string }
  | { kind: 'change'; userId: string; userVersion: number; name: string; email: string; role: UserRole; organisationId: string };

/** A pending grant for this address or this account, if there is one (checked before asking again). */
export async function pendingGrantFor(tx: Executor, who: { email: string } | { userId: string }): Promise<string | null> {
  const [row] = await tx
    .select({ id: accessGrants.id })
    .from(accessGrants)
    .where(and(isNull(accessGrants.decidedAt), 'email' in who ? eq(accessGrants.email, who.email.toLowerCase()) : eq(accessGrants.userId, who.userId)));
  return row?.id ?? null;
}

/**
 * Records what an admin asks for, in the caller's (owner) transaction, and tells those who may decide:
 * a mail to the other admins, a notice in the app to everyone who may approve it.
 */
export async function requestGrant(tx: Tx, actor: Actor, grant: NewGrant, options: { baseUrl?: string; now: Date }): Promise<string> {
  const [row] = await tx
    .insert(accessGrants)
    .values({
      kind: grant.kind,
      role: grant.role,
      organisationId: grant.organisationId,
      requestedBy: actor.userId,
      requestedAt: options.now,
      ...(grant.kind === 'invitation'
        ? { email: grant.email.toLowerCase(), name: grant.name }
        : { userId: grant.userId, userVersion: grant.userVersion }),
    })
    .returning({ id: accessGrants.id });
  const id = row!.id;
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, grant.organisationId));
  const deciders = await tx
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        inArray(users.role, deciderRoles(grant.role)),
        eq(users.active, true),
        eq(organisations.active, true),
        ne(users.id, actor.userId),
        grant.kind === 'change' ? ne(users.id, grant.userId) : undefined,
      ),
    );
  const what =
    grant.kind === 'invitation'
      ? `een uitnodiging voor ${grant.name} (${grant.email}) als ${ROLE_NAMES[grant.role]} bij ${org?.name ?? ''}`
      : `voor ${grant.name} (${grant.email}) de rol ${ROLE_NAMES[grant.role]} bij ${org?.name ?? ''}`;
  const admins = deciders.filter((d) => d.role === 'admin');
  // Mail to every other admin; the managers too for a new admin (they may be the only ones who can approve).
  const mailed = deciders.filter((d) => d.role === 'admin' || (grant.role === 'admin' && d.role === 'manager'));
  await enqueueMail(
    tx,
    mailed.map((d) => ({
      dedupeKey: `access-grant:${id}:${d.id}`,
      to: d.email,
      subject: `Goedkeuring gevraagd: ${grant.name} als ${ROLE_NAMES[grant.role]}`,
      text: [
        `${actor.name} vraagt ${what}.`,
        '',
        `Dit gaat pas in als iemand anders dan ${actor.name} het goedkeurt: ${WHO_DECIDES[grant.role]}.${
          options.baseUrl ? ` Goedkeuren of afwijzen doe je in Casusregie: ${options.baseUrl.replace(/\/+$/, '')}${d.role === 'admin' ? '/admin' : '/approvals'}` : ''
        }`,
        '',
        `Verwachtte je dit niet? Wijs het dan af en neem contact op met ${actor.name}.`,
      ].join('\n'),
    })),
  );
  await notifyUsers(
    tx,
    deciders.map((d) => d.id),
    { kind: 'access-grant', title: `Goedkeuring gevraagd: ${grant.name} als ${ROLE_NAMES[grant.role]}`, link: '/approvals' },
  );
  // Ids and the role only: name and address stay in the grant itself.
  await audit(tx, subjectOf(actor), {
    action: 'create',
    entity: 'access-grant',
    entityId: id,
    details: { kind: grant.kind, role: grant.role, organisationId: grant.organisationId, ...(grant.kind === 'change' && { userId: grant.userId }), adminsTold: admins.length },
  });
  return id;
}

// ---------------------------------------------------------------------------------------------------
// Listing

export interface GrantListItem {
  id: string;
  kind: 'invitation' | 'change';
  name: string;
  email: string;
  role: UserRole;
  organisationName: string;
  /** For a change: what the user has now. */
  currentRole: UserRole | null;
  currentOrganisationName: string | null;
  requestedByName: string;
  requestedAt: Date;
  decision: 'approved' | 'rejected' | 'withdrawn' | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  /** The actor may approve or reject it. */
  mayDecide: boolean;
  /** The actor asked for it and may withdraw it. */
  mayWithdraw: boolean;
}

const target = alias(users, 'grant_target');
const targetOrg = alias(organisations, 'grant_target_org');
const requester = alias(users, 'grant_requester');
const decider = alias(users, 'grant_decider');
const RECENT_DAYS = 14;

/**
 * The grants waiting for a decision that the actor may decide on or asked for, oldest first, then the
 * ones decided in the last two weeks (so the requester sees what became of them).
 */
export async function listGrants(actor: Actor, now = new Date()): Promise<GrantListItem[]> {
  await assertMayDecideAny(actor, 'access-grant.list');
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 60 * 60 * 1000);
  const rows = await asUser(actor.userId, (tx) =>
    tx
      .select({
        grant: accessGrants,
        organisationName: organisations.name,
        targetName: target.name,
        targetEmail: target.email,
        currentRole: target.role,
        currentOrganisationName: targetOrg.name,
        requestedByName: requester.name,
        decidedByName: decider.name,
      })
      .from(accessGrants)
      .innerJoin(organisations, eq(organisations.id, accessGrants.organisationId))
      .innerJoin(requester, eq(requester.id, accessGrants.requestedBy))
      .leftJoin(target, eq(target.id, accessGrants.userId))
      .leftJoin(targetOrg, eq(targetOrg.id, target.organisationId))
      .leftJoin(decider, eq(decider.id, accessGrants.decidedBy))
      .where(
        and(
          or(isNull(accessGrants.decidedAt), gt(accessGrants.decidedAt, since)),
          or(eq(accessGrants.requestedBy, actor.userId), inArray(accessGrants.role, rolesDecidedBy(actor.role))),
        ),
      )
      .orderBy(desc(isNull(accessGrants.decidedAt)), accessGrants.requestedAt),
  );
  return rows
    .filter((r) => mayView(actor, r.grant))
    .map((r) => ({
      id: r.grant.id,
      kind: r.grant.kind,
      name: r.grant.name ?? r.targetName ?? '',
      email: r.grant.email ?? r.targetEmail ?? '',
      role: r.grant.role,
      organisationName: r.organisationName,
      currentRole: r.grant.kind === 'change' ? r.currentRole : null,
      currentOrganisationName: r.grant.kind === 'change' ? r.currentOrganisationName : null,
      requestedByName: r.requestedByName,
      requestedAt: r.grant.requestedAt,
      decision: r.grant.decision,
      decidedByName: r.decidedByName,
      decidedAt: r.grant.decidedAt,
      mayDecide: r.grant.decidedAt === null && mayDecide(actor, r.grant),
      mayWithdraw: r.grant.decidedAt === null && r.grant.requestedBy === actor.userId,
    }));
}

function rolesDecidedBy(role: UserRole): UserRole[] {
  return GRANT_RELATIONS.filter((granted) => authorize({ role }, 'accessGrant.approve', granted) === 'allow');
}
