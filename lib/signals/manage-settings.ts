import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { organisationContacts, organisations } from '@/db/schema';
import { asUser } from '@/db/transaction';
import { enforce } from '@/lib/access/enforce';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { AppError, validation, msg } from '@/lib/errors';
import { readSettings, writeSettings, type SettingsView } from '@/lib/house/versioned-settings';
import { DEFAULT_STAGNATION_SETTINGS, stagnationSettingsSchema, type StagnationSettings } from '@/lib/stagnation/settings';
import { z } from '@/lib/validation/zod';
import { parseOrThrow } from '@/lib/validation/parse';

/*
 * Functioneel beheer of stagnation: the thresholds (settings key 'stagnation', versioned) and the
 * escalation contacts of each organisation (level 1 of the ladder). Admins only: anyone else gets 404.
 */

export const SETTINGS_KEY = 'stagnation';

async function assertAdmin(actor: Actor, attempted: string): Promise<void> {
  await enforce(actor, 'signal.settings', { entity: 'settings', attempted, kind: 'admin' });
}

export type StagnationSettingsView = SettingsView<StagnationSettings>;

export async function readStagnationSettings(actor: Actor): Promise<StagnationSettingsView> {
  await assertAdmin(actor, 'settings.read');
  return asUser(actor.userId, (tx) => readSettings(tx, SETTINGS_KEY, stagnationSettingsSchema, DEFAULT_STAGNATION_SETTINGS));
}

export const updateSettingsSchema = z.strictObject({
  version: z.number({ message: msg('common.versionMissingReload') }).int().min(0),
  settings: stagnationSettingsSchema,
});
export type UpdateSettingsInput = z.input<typeof updateSettingsSchema>;

/**
 * Stores new thresholds at the version read. Out of range or contradicting each other: 422 with the
 * schema's Dutch message on the field, nothing stored. Audited with the names of the changed settings.
 */
export async function updateStagnationSettings(actor: Actor, raw: UpdateSettingsInput | unknown): Promise<StagnationSettingsView> {
  await assertAdmin(actor, 'settings.update');
  const { version, settings: next } = parseOrThrow(updateSettingsSchema, raw);
  return asUser(actor.userId, (tx) =>
    writeSettings(tx, actor, SETTINGS_KEY, stagnationSettingsSchema, DEFAULT_STAGNATION_SETTINGS, { version, settings: next }),
  );
}

// ---- Escalation contacts

export interface OrganisationWithContacts {
  id: string;
  name: string;
  domain: string;
  contacts: { id: string; name: string; email: string }[];
}

/** Every active partner organisation with its escalation contacts, by name. */
export async function listEscalationContacts(actor: Actor): Promise<OrganisationWithContacts[]> {
  await assertAdmin(actor, 'contacts.list');
  return asUser(actor.userId, async (tx) => {
    const orgs = await tx
      .select({ id: organisations.id, name: organisations.name, domain: organisations.domain })
      .from(organisations)
      // Level 1 of the ladder is the owning partner organisation; the house itself escalates to its managers.
      .where(and(eq(organisations.active, true), ne(organisations.domain, 'veiligheidshuis')))
      .orderBy(asc(organisations.name));
    const contacts = await tx
      .select({ id: organisationContacts.id, organisationId: organisationContacts.organisationId, name: organisationContacts.name, email: organisationContacts.email })
      .from(organisationContacts)
      .orderBy(asc(organisationContacts.name), asc(organisationContacts.email));
    return orgs.map((o) => ({
      ...o,
      contacts: contacts.filter((c) => c.organisationId === o.id).map((c) => ({ id: c.id, name: c.name, email: c.email })),
    }));
  });
}

export const addContactSchema = z.strictObject({
  organisationId: z.uuid({ message: msg('common.chooseOrganisation') }),
  name: z.string({ message: msg('common.fillInName') }).trim().min(1, msg('common.fillInName')).max(200, msg('common.nameTooLong')),
  email: z
    .string({ message: msg('common.fillInEmail') })
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: msg('common.invalidEmail') }).max(254, msg('common.emailTooLong'))),
});
export type AddContactInput = z.input<typeof addContactSchema>;

export const removeContactSchema = z.strictObject({ contactId: z.uuid({ message: msg('signals.unknownContact') }) });

export async function addEscalationContact(actor: Actor, raw: AddContactInput | unknown): Promise<{ id: string }> {
  await assertAdmin(actor, 'contacts.add');
  const input = parseOrThrow(addContactSchema, raw);
  return asUser(actor.userId, async (tx) => {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw validation({ organisationId: [msg('signals.chooseOrganisationFromList')] });
    const [existing] = await tx
      .select({ id: organisationContacts.id })
      .from(organisationContacts)
      .where(and(eq(organisationContacts.organisationId, input.organisationId), eq(sql`lower(${organisationContacts.email})`, input.email)));
    if (existing) throw validation({ email: [msg('signals.emailAlreadyAtOrganisation')] });
    const [row] = await tx.insert(organisationContacts).values(input).returning({ id: organisationContacts.id });
    // No name or address in the log: the contact's id identifies them.
    await audit(tx, subjectOf(actor), {
      action: 'create',
      entity: 'organisation_contact',
      entityId: row!.id,
      details: { organisationId: input.organisationId },
    });
    return { id: row!.id };
  });
}

export async function removeEscalationContact(actor: Actor, raw: { contactId: string } | unknown): Promise<void> {
  await assertAdmin(actor, 'contacts.remove');
  const parsed = removeContactSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND', msg('signals.contactNotFound'));
  await asUser(actor.userId, async (tx) => {
    const [row] = await tx
      .delete(organisationContacts)
      .where(eq(organisationContacts.id, parsed.data.contactId))
      .returning({ id: organisationContacts.id, organisationId: organisationContacts.organisationId });
    if (!row) throw new AppError('NOT_FOUND', msg('signals.contactNotFoundMaybeRemoved'));
    await audit(tx, subjectOf(actor), {
      action: 'update',
      entity: 'organisation_contact',
      entityId: row.id,
      details: { organisationId: row.organisationId, removed: true },
    });
  });
}
