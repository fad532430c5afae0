import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { organisationContacts, organisationDomain, organisations, users, type OrganisationDomain, type UserRole } from '@/db/schema';
import { asSystem, asUser } from '@/db/transaction';
import { audit, subjectOf } from '@/lib/audit/record';
import { revokeAllSessions, type Actor } from '@/lib/auth/sessions';
import { conflict, notFound, validation, msg } from '@/lib/errors';
import { roleMismatch } from '@/lib/users/role-fit';
import { z } from '@/lib/validation/zod';
import { isUniqueViolation } from './db-errors';
import { assertAdmin, assertAnAdminRemains, LAST_ADMIN_MESSAGE, LastAdminError, lockAdminChanges, otherAdmins, refuse } from '@/lib/users/admin-guard';
import { parseOrThrow } from '@/lib/validation/parse';

/*
 * Functioneel beheer of organisations: the partners and the house itself. Admins only (anyone else 404).
 * Deactivating an organisation stops its users: sign-in refuses them (lib/auth/credentials.ts) and every
 * session they hold ends at its next request (lib/auth/sessions.ts reads organisations.active).
 */

const NAME_TAKEN = msg('admin.nameTaken');

const name = z
  .string({ message: msg('common.fillInName') })
  .trim()
  .min(1, msg('common.fillInName'))
  .max(200, msg('common.nameTooLong'));
const shortName = z
  .string({ message: msg('admin.fillInShortName') })
  .trim()
  .min(1, msg('admin.fillInShortName'))
  .max(40, msg('admin.shortNameTooLong'));
const domain = z.enum(organisationDomain.enumValues, { message: msg('admin.chooseDomain') });

export const createOrganisationSchema = z.strictObject({ name, shortName, domain });
export type CreateOrganisationInput = z.input<typeof createOrganisationSchema>;

export const updateOrganisationSchema = z.strictObject({
  id: z.uuid({ message: msg('common.unknownOrganisation') }),
  name,
  shortName,
  domain,
  active: z.boolean({ message: msg('admin.chooseActive') }),
  version: z.coerce.number({ message: msg('common.versionMissingReload') }).int().positive(),
});
export type UpdateOrganisationInput = z.input<typeof updateOrganisationSchema>;

export interface OrganisationListItem {
  id: string;
  name: string;
  shortName: string;
  domain: OrganisationDomain;
  active: boolean;
  userCount: number;
  contactCount: number;
}

/** Every organisation with the number of users and escalation contacts, by domain and name. */
export async function listOrganisations(actor: Actor): Promise<OrganisationListItem[]> {
  await assertAdmin(actor, 'organisation', 'organisation.list');
  return asUser(actor.userId, (tx) =>
    tx
      .select({
        id: organisations.id,
        name: organisations.name,
        shortName: organisations.shortName,
        domain: organisations.domain,
        active: organisations.active,
        // Written out: Drizzle leaves columns unqualified here, and "id" would mean the subquery's own.
        userCount: sql<number>`(select count(*) from users u where u.organisation_id = organisations.id)::int`,
        contactCount: sql<number>`(select count(*) from organisation_contacts c where c.organisation_id = organisations.id)::int`,
      })
      .from(organisations)
      .orderBy(asc(organisations.domain), asc(organisations.name)),
  );
}

/** Active organisations as choices for a user's organisation (invitation, role change). */
export async function organisationChoices(actor: Actor): Promise<{ id: string; name: string; domain: OrganisationDomain }[]> {
  await assertAdmin(actor, 'organisation', 'organisation.list');
  return asUser(actor.userId, (tx) =>
    tx
      .select({ id: organisations.id, name: organisations.name, domain: organisations.domain })
      .from(organisations)
      .where(eq(organisations.active, true))
      .orderBy(asc(organisations.name)),
  );
}

export interface OrganisationDetail {
  id: string;
  name: string;
  shortName: string;
  domain: OrganisationDomain;
  active: boolean;
  version: number;
  contactCount: number;
  users: { id: string; name: string; email: string; role: UserRole; active: boolean }[];
}

export async function getOrganisation(actor: Actor, rawId: unknown): Promise<OrganisationDetail> {
  await assertAdmin(actor, 'organisation', 'organisation.view');
  const id = z.uuid().safeParse(rawId);
  if (!id.success) throw notFound();
  return asUser(actor.userId, async (tx) => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, id.data));
    if (!org) throw notFound();
    const [contacts] = await tx.select({ n: count() }).from(organisationContacts).where(eq(organisationContacts.organisationId, org.id));
    const members = await tx
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
      .from(users)
      .where(eq(users.organisationId, org.id))
      .orderBy(asc(users.name));
    return {
      id: org.id,
      name: org.name,
      shortName: org.shortName,
      domain: org.domain,
      active: org.active,
      version: org.version,
      contactCount: contacts?.n ?? 0,
      users: members,
    };
  });
}

export async function createOrganisation(actor: Actor, raw: CreateOrganisationInput | unknown): Promise<{ id: string }> {
  await assertAdmin(actor, 'organisation', 'organisation.create');
  const input = parseOrThrow(createOrganisationSchema, raw);
  return asUser(actor.userId, async (tx) => {
    // The unique index on lower(name) decides, also between two admins at the same moment.
    const [row] = await tx.insert(organisations).values(input).onConflictDoNothing().returning({ id: organisations.id });
    if (!row) throw validation({ name: [NAME_TAKEN] });
    await audit(tx, subjectOf(actor), { action: 'create', entity: 'organisation', entityId: row.id, details: { domain: input.domain } });
    return { id: row.id };
  });
}

const DOMAIN_MISFIT =
  msg('admin.domainMisfit');

/**
 * Edits an organisation at the version read (409 when someone else was first). Deactivating it also
 * raises the session version of its users, so that reactivating it later does not revive old sessions.
 * Refused: deactivating the admin's own organisation, and anything that leaves no admin who can sign in.
 */
export async function updateOrganisation(actor: Actor, raw: UpdateOrganisationInput | unknown): Promise<{ version: number }> {
  await assertAdmin(actor, 'organisation', 'organisation.update');
  const input = parseOrThrow(updateOrganisationSchema, raw);
  if (input.id === actor.organisationId && !input.active) {
    const last = (await otherAdmins(actor, { organisationId: input.id })) === 0;
    return refuse(
      actor,
      { entity: 'organisation', entityId: input.id, attempted: 'organisation.deactivate', reason: last ? 'last-admin' : 'own-organisation' },
      last
        ? msg('admin.ownOrganisationLastAdmin')
        : msg('admin.ownOrganisation'),
    );
  }
  let result: { version: number; endedUserIds: string[] };
  try {
    result = await asUser(actor.userId, async (tx) => {
      await lockAdminChanges(tx);
      const [current] = await tx.select().from(organisations).where(eq(organisations.id, input.id));
      if (!current) throw notFound();
      if (current.version !== input.version) throw conflict();
      const changed = (['name', 'shortName', 'domain', 'active'] as const).filter((k) => current[k] !== input[k]);
      if (changed.length === 0) return { version: current.version, endedUserIds: [] };

      const [clash] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(sql`lower(${organisations.name})`, input.name.toLowerCase()), ne(organisations.id, input.id)));
      if (clash) throw validation({ name: [NAME_TAKEN] });
      if (input.domain !== current.domain) {
        const roles = await tx.selectDistinct({ role: users.role }).from(users).where(eq(users.organisationId, input.id));
        if (roles.some(({ role }) => roleMismatch(role, input.domain))) throw validation({ domain: [DOMAIN_MISFIT] });
      }

      let saved: { version: number }[];
      try {
        saved = await tx
          .update(organisations)
          .set({
            name: input.name,
            shortName: input.shortName,
            domain: input.domain,
            active: input.active,
            version: sql`${organisations.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(organisations.id, input.id), eq(organisations.version, input.version)))
          .returning({ version: organisations.version });
      } catch (error) {
        if (isUniqueViolation(error)) throw validation({ name: [NAME_TAKEN] });
        throw error;
      }
      if (saved.length === 0) throw conflict();

      let endedUserIds: string[] = [];
      if (current.active && !input.active) {
        const ended = await tx
          .update(users)
          .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
          .where(eq(users.organisationId, input.id))
          .returning({ id: users.id });
        endedUserIds = ended.map((u) => u.id);
      }
      await assertAnAdminRemains(tx);
      await audit(tx, subjectOf(actor), {
        action: 'update',
        entity: 'organisation',
        entityId: input.id,
        details: { changed, ...(changed.includes('active') && { active: input.active }), ...(endedUserIds.length && { sessionsEnded: endedUserIds.length }) },
      });
      return { version: saved[0]!.version, endedUserIds };
    });
  } catch (error) {
    if (error instanceof LastAdminError) {
      return refuse(actor, { entity: 'organisation', entityId: input.id, attempted: 'organisation.update', reason: 'last-admin' }, LAST_ADMIN_MESSAGE);
    }
    throw error;
  }
  // Session rows belong to the sign-in machinery (owner only); the version raised above already ended them.
  if (result.endedUserIds.length) {
    await asSystem(async (tx) => {
      for (const userId of result.endedUserIds) await revokeAllSessions(tx, userId);
    });
  }
  return { version: result.version };
}

