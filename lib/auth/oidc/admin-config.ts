import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { idpEmailDomains, idpMfaPolicy, organisationIdps, organisations, type IdpMfaPolicy } from '@/db/schema';
import { asSystem } from '@/db/transaction';
import { audit, subjectOf } from '@/lib/audit/record';
import type { Actor } from '@/lib/actor';
import { conflict, msg, notFound, validation } from '@/lib/errors';
import { assertAdmin } from '@/lib/users/admin-guard';
import { parseOrThrow } from '@/lib/validation/parse';
import { z } from '@/lib/validation/zod';
import { forgetIdp } from './discovery';
import { domainsOf } from './partner-idp';

/*
 * Functioneel beheer of an organisation's identity provider. Admins only (the policy, 404 for anyone
 * else). The tables are closed to the app role (drizzle/0041), so this runs as the owner after the check.
 * The client secret is written encrypted and never read back to the screen.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const MFA_VALUE = /^[\w:./-]{1,200}$/;

const list = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((v) => v.trim())
    .filter(Boolean);

const issuer = z
  .string({ message: msg('oidc.issuerInvalid') })
  .trim()
  .max(500, msg('oidc.issuerInvalid'))
  .refine((value) => {
    try {
      const url = new URL(value);
      // Plain http only for an IdP on this machine (a test): tokens must not cross a network unprotected.
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    } catch {
      return false;
    }
  }, msg('oidc.issuerInvalid'))
  .transform((value) => value.replace(/\/+$/, ''));

export const idpSettingsSchema = z.strictObject({
  organisationId: z.uuid({ message: msg('common.unknownOrganisation') }),
  issuer,
  clientId: z.string({ message: msg('oidc.fillInClientId') }).trim().min(1, msg('oidc.fillInClientId')).max(200, msg('oidc.fillInClientId')),
  /** Empty when changing other settings: the stored secret stays. */
  clientSecret: z.string().trim().max(1000, msg('oidc.fillInClientSecret')).optional().default(''),
  emailDomains: z
    .string({ message: msg('oidc.domainsInvalid') })
    .transform((text) => [...new Set(list(text.toLowerCase()))])
    .refine((domains) => domains.length > 0 && domains.length <= 20 && domains.every((d) => DOMAIN.test(d)), msg('oidc.domainsInvalid')),
  mfaPolicy: z.enum(idpMfaPolicy.enumValues, { message: msg('oidc.choosePolicy') }),
  mfaValues: z
    .string({ message: msg('oidc.mfaValuesInvalid') })
    .transform((text) => [...new Set(list(text))])
    .refine((values) => values.length > 0 && values.length <= 10 && values.every((v) => MFA_VALUE.test(v)), msg('oidc.mfaValuesInvalid')),
  /** The version read; 0 when the organisation had no IdP yet. */
  version: z.coerce.number({ message: msg('common.versionMissingReload') }).int().min(0),
});
export type IdpSettingsInput = z.input<typeof idpSettingsSchema>;

export interface IdpSettings {
  issuer: string;
  clientId: string;
  hasSecret: true;
  emailDomains: string[];
  mfaPolicy: IdpMfaPolicy;
  mfaValues: string[];
  version: number;
}

/** The organisation's IdP settings without the secret, or null when it signs in locally. */
export async function getIdpSettings(actor: Actor, organisationId: string): Promise<IdpSettings | null> {
  await assertAdmin(actor, 'organisation', 'organisation.view');
  return asSystem(async (tx) => {
    const [row] = await tx
      .select({
        issuer: organisationIdps.issuer,
        clientId: organisationIdps.clientId,
        mfaPolicy: organisationIdps.mfaPolicy,
        mfaValues: organisationIdps.mfaValues,
        version: organisationIdps.version,
      })
      .from(organisationIdps)
      .where(eq(organisationIdps.organisationId, organisationId));
    if (!row) return null;
    return { ...row, hasSecret: true, emailDomains: await domainsOf(tx, organisationId) };
  });
}

/**
 * Creates or changes the IdP of an organisation at the version read (409 when someone else was first).
 * An email domain of another organisation is refused: one domain, one IdP.
 */
export async function saveIdpSettings(actor: Actor, raw: IdpSettingsInput | unknown): Promise<{ version: number }> {
  await assertAdmin(actor, 'organisation', 'organisation.update');
  const input = parseOrThrow(idpSettingsSchema, raw);
  const result = await asSystem(async (tx) => {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).for('update');
    if (!org) throw notFound();
    const [current] = await tx.select().from(organisationIdps).where(eq(organisationIdps.organisationId, org.id));
    if ((current?.version ?? 0) !== input.version) throw conflict();
    if (!current && !input.clientSecret) throw validation({ clientSecret: [msg('oidc.fillInClientSecret')] });

    const [taken] = await tx
      .select({ domain: idpEmailDomains.domain })
      .from(idpEmailDomains)
      .where(and(inArray(idpEmailDomains.domain, input.emailDomains), ne(idpEmailDomains.organisationId, org.id)));
    if (taken) throw validation({ emailDomains: [msg('oidc.domainTaken', { domain: taken.domain })] });

    const values = {
      issuer: input.issuer,
      clientId: input.clientId,
      mfaPolicy: input.mfaPolicy,
      mfaValues: input.mfaValues,
      ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}),
    };
    let version: number;
    if (current) {
      const [saved] = await tx
        .update(organisationIdps)
        .set({ ...values, version: sql`${organisationIdps.version} + 1`, updatedAt: new Date() })
        .where(and(eq(organisationIdps.organisationId, org.id), eq(organisationIdps.version, input.version)))
        .returning({ version: organisationIdps.version });
      if (!saved) throw conflict();
      version = saved.version;
    } else {
      await tx.insert(organisationIdps).values({ ...values, clientSecret: input.clientSecret, organisationId: org.id });
      version = 1;
    }
    await tx.delete(idpEmailDomains).where(eq(idpEmailDomains.organisationId, org.id));
    // The primary key on the domain decides between two admins saving the same domain at once.
    await tx.insert(idpEmailDomains).values(input.emailDomains.map((domain) => ({ domain, organisationId: org.id })));
    await audit(tx, subjectOf(actor), {
      action: current ? 'update' : 'create',
      entity: 'organisation-idp',
      entityId: org.id,
      details: { issuer: input.issuer, emailDomains: input.emailDomains, mfaPolicy: input.mfaPolicy, secretChanged: Boolean(input.clientSecret) },
    });
    return { version, previousIssuer: current?.issuer };
  });
  if (result.previousIssuer) forgetIdp(result.previousIssuer);
  return { version: result.version };
}

/** The organisation signs in locally again (only accounts that have a password can). */
export async function removeIdpSettings(actor: Actor, raw: unknown): Promise<void> {
  await assertAdmin(actor, 'organisation', 'organisation.update');
  const { organisationId } = parseOrThrow(z.strictObject({ organisationId: z.uuid({ message: msg('common.unknownOrganisation') }) }), raw);
  await asSystem(async (tx) => {
    const removed = await tx.delete(organisationIdps).where(eq(organisationIdps.organisationId, organisationId)).returning({ issuer: organisationIdps.issuer });
    if (!removed.length) throw notFound();
    await audit(tx, subjectOf(actor), { action: 'delete', entity: 'organisation-idp', entityId: organisationId });
  });
}
