import { and, eq } from 'drizzle-orm';
import { idpEmailDomains, organisationIdps, organisations, type IdpMfaPolicy } from '@/db/schema';
import type { Executor } from '@/db/types';

export interface PartnerIdp {
  organisationId: string;
  organisationActive: boolean;
  issuer: string;
  clientId: string;
  clientSecret: string;
  mfaPolicy: IdpMfaPolicy;
  mfaValues: string[];
}

const columns = {
  organisationId: organisationIdps.organisationId,
  organisationActive: organisations.active,
  issuer: organisationIdps.issuer,
  clientId: organisationIdps.clientId,
  clientSecret: organisationIdps.clientSecret,
  mfaPolicy: organisationIdps.mfaPolicy,
  mfaValues: organisationIdps.mfaValues,
};

/** The domain part of an email address, as stored in idp_email_domains (lower case). */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(at + 1).trim().toLowerCase() : null;
}

/** The IdP that an email address belongs to, by its domain; undefined: the address signs in locally. */
export async function idpForEmail(db: Executor, email: string): Promise<PartnerIdp | undefined> {
  const domain = emailDomain(email);
  if (!domain) return undefined;
  const [row] = await db
    .select(columns)
    .from(idpEmailDomains)
    .innerJoin(organisationIdps, eq(organisationIdps.organisationId, idpEmailDomains.organisationId))
    .innerJoin(organisations, eq(organisations.id, organisationIdps.organisationId))
    .where(eq(idpEmailDomains.domain, domain));
  return row;
}

export async function idpOfOrganisation(db: Executor, organisationId: string): Promise<PartnerIdp | undefined> {
  const [row] = await db
    .select(columns)
    .from(organisationIdps)
    .innerJoin(organisations, eq(organisations.id, organisationIdps.organisationId))
    .where(eq(organisationIdps.organisationId, organisationId));
  return row;
}

export async function domainsOf(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ domain: idpEmailDomains.domain })
    .from(idpEmailDomains)
    .where(and(eq(idpEmailDomains.organisationId, organisationId)))
    .orderBy(idpEmailDomains.domain);
  return rows.map((r) => r.domain);
}
