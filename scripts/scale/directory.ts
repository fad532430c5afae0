import { randomBytes } from 'node:crypto';
import type { OrganisationDomain } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { encryptField } from '@/lib/crypto/field';
import { DEMO_HOUSE, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_TOTP_SECRETS, DEMO_USERS } from '@/lib/seed/demo-data';
import type { BulkSession } from './bulk';

/*
 * Who works on the generated cases. One installation for every house in the country: the demo house and
 * its accounts (so the bench can sign in with the published demo credentials), plus for every safety
 * region its own police unit, public prosecutor, mental-health care, Veilig Thuis and housing
 * corporation, and a municipality organisation per municipality. The demo organisations stand in for
 * their own region (VR09, Midden-Nederland), so politie@example.org sees the cases of its region only,
 * as it would in a national installation.
 */

export type PartnerKind = 'police' | 'om' | 'reclassering' | 'ggz' | 'veiligthuis' | 'gemeente' | 'woning';

export interface Partner {
  id: string;
  kind: PartnerKind;
  /** A professional of the organisation: author of its progress entries, referrer of its cases. */
  professionalId: string;
}

export interface Region {
  code: string;
  name: string;
  partners: Record<Exclude<PartnerKind, 'gemeente' | 'reclassering'>, Partner>;
  regisseurs: string[];
}

export interface Municipality {
  code: string;
  name: string;
  region: string;
  weight: number;
}

export interface Directory {
  houseOrgId: string;
  reclassering: Partner;
  regions: Map<string, Region>;
  gemeente: Map<string, Partner>;
  municipalities: Municipality[];
  /** Organisation of every user id the generator may name (for the audit log). */
  orgOfUser: Map<string, string>;
  roleOfUser: Map<string, 'regisseur' | 'professional'>;
}

const HOME_REGION = DEMO_HOUSE.safetyRegionCode;
/** Larger cities have more cases: weights relative to 1 for every other municipality. */
const CITY_WEIGHTS: Record<string, number> = {
  GM0363: 20, GM0599: 16, GM0518: 14, GM0344: 14, GM0772: 6, GM0014: 6, GM0855: 5, GM0034: 5, GM0758: 5, GM0268: 5,
  GM0307: 5, GM0202: 4, GM0153: 4, GM0503: 3, GM0193: 3, GM0392: 4, GM0796: 3, GM0935: 4, GM0546: 3, GM0200: 3,
};

const DOMAIN: Record<PartnerKind, OrganisationDomain> = {
  police: 'veiligheid', om: 'veiligheid', reclassering: 'veiligheid', ggz: 'zorg', veiligthuis: 'zorg', gemeente: 'gemeente', woning: 'overig',
};

/** Demo organisations by the name the generator would give them, so they are reused, not duplicated. */
const DEMO_NAME = { ggz: 'Altrecht GGZ', veiligthuis: 'Veilig Thuis Regio Utrecht', woning: 'Mitros wonen' } as const;

interface OrgSpec {
  name: string;
  shortName: string;
  kind: PartnerKind;
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The demo house, its organisations and accounts (password and TOTP as published), where missing. */
async function ensureDemoAccounts(session: BulkSession): Promise<void> {
  await session.query(`insert into settings (key, value) values ('house', $1::jsonb) on conflict (key) do nothing`, [JSON.stringify(DEMO_HOUSE)]);
  await session.query(
    `insert into organisations (name, short_name, domain)
     select * from unnest($1::text[], $2::text[], $3::text[]::organisation_domain[])
     on conflict ((lower(name))) do nothing`,
    [DEMO_ORGANISATIONS.map((o) => o.name), DEMO_ORGANISATIONS.map((o) => o.shortName), DEMO_ORGANISATIONS.map((o) => o.domain)],
  );
  const existing = new Set(
    (await session.query<{ email: string }>(`select lower(email) as email from users`)).map((r) => r.email),
  );
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  if (!missing.length) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgName = new Map(DEMO_ORGANISATIONS.map((o) => [o.key, o.name]));
  const created = await session.query<{ id: string; email: string }>(
    `insert into users (organisation_id, email, name, role, password_hash)
     select o.id, u.email, u.name, u.role, $5 from unnest($1::text[], $2::text[], $3::text[]::user_role[], $4::text[]) as u(email, name, role, org)
     join organisations o on lower(o.name) = lower(u.org)
     returning id, email`,
    [missing.map((u) => u.email), missing.map((u) => u.name), missing.map((u) => u.role), missing.map((u) => orgName.get(u.organisation)!), passwordHash],
  );
  await session.query(
    `insert into user_totp (user_id, secret, confirmed_at) select * from unnest($1::text[]::uuid[], $2::text[]) as t(id, secret), now()`,
    [created.map((u) => u.id), created.map((u) => encryptField(DEMO_TOTP_SECRETS[u.email]!, 'secret'))],
  );
}

/** Every organisation the generator needs, by region; created where missing, reused where present. */
function organisationSpecs(municipalities: { code: string; name: string; region: string; regionName: string; unit: string }[]) {
  const specs = new Map<string, OrgSpec>();
  const add = (spec: OrgSpec) => specs.set(spec.name.toLowerCase(), spec);
  add({ name: 'Reclassering Nederland', shortName: 'Reclassering', kind: 'reclassering' });
  for (const m of municipalities) {
    add({ name: `Politie ${m.unit}`, shortName: 'Politie', kind: 'police' });
    add({ name: `Openbaar Ministerie ${m.unit}`, shortName: 'OM', kind: 'om' });
    add({ name: `Gemeente ${m.name}`, shortName: `Gem. ${m.name}`.slice(0, 40), kind: 'gemeente' });
    const home = m.region === HOME_REGION;
    add({ name: home ? DEMO_NAME.ggz : `GGZ ${m.regionName}`, shortName: 'GGZ', kind: 'ggz' });
    add({ name: home ? DEMO_NAME.veiligthuis : `Veilig Thuis ${m.regionName}`, shortName: 'Veilig Thuis', kind: 'veiligthuis' });
    add({ name: home ? DEMO_NAME.woning : `Woningcorporatie ${m.regionName}`, shortName: 'Woningcorporatie', kind: 'woning' });
  }
  return specs;
}

/**
 * Creates what is missing and returns the directory. Generated professionals and regisseurs get an
 * unguessable password (nobody signs in as them); only the demo accounts keep the published one.
 */
export async function ensureDirectory(session: BulkSession): Promise<Directory> {
  await ensureDemoAccounts(session);
  const municipalityRows = await session.query<{ code: string; name: string; region: string; region_name: string; unit: string }>(
    `select m.code, m.name, m.safety_region_code as region, r.name as region_name, m.police_unit as unit
     from municipalities m join safety_regions r on r.code = m.safety_region_code where m.active order by m.code`,
  );
  const municipalities = municipalityRows.map((m) => ({ ...m, regionName: m.region_name }));
  const specs = organisationSpecs(municipalities);
  const list = [...specs.values()];
  await session.query(
    `insert into organisations (name, short_name, domain)
     select * from unnest($1::text[], $2::text[], $3::text[]::organisation_domain[]) on conflict ((lower(name))) do nothing`,
    [list.map((s) => s.name), list.map((s) => s.shortName), list.map((s) => DOMAIN[s.kind])],
  );
  const orgRows = await session.query<{ id: string; name: string }>(`select id, name from organisations`);
  const orgId = new Map(orgRows.map((o) => [o.name.toLowerCase(), o.id]));
  const house = DEMO_ORGANISATIONS.find((o) => o.key === 'zvh')!;
  const houseOrgId = orgId.get(house.name.toLowerCase())!;

  const randomHash = await hashPassword(randomBytes(32).toString('base64'));
  const regionCodes = [...new Set(municipalities.map((m) => m.region))].filter((c) => c !== HOME_REGION);
  const wanted: { email: string; name: string; role: 'regisseur' | 'professional'; orgId: string }[] = [];
  for (const spec of list) {
    wanted.push({ email: `${slug(spec.name)}@scale.example.org`, name: `Medewerker ${spec.shortName}`, role: 'professional', orgId: orgId.get(spec.name.toLowerCase())! });
  }
  for (const code of regionCodes) {
    wanted.push({ email: `regisseur-${code.toLowerCase()}@scale.example.org`, name: `Regisseur ${code}`, role: 'regisseur', orgId: houseOrgId });
  }
  await session.query(
    `insert into users (organisation_id, email, name, role, password_hash)
     select * from unnest($1::text[]::uuid[], $2::text[], $3::text[], $4::text[]::user_role[]) as u(org, email, name, role), (select $5::text) h
     on conflict ((lower(email))) do nothing`,
    [wanted.map((w) => w.orgId), wanted.map((w) => w.email), wanted.map((w) => w.name), wanted.map((w) => w.role), randomHash],
  );
  const userRows = await session.query<{ id: string; email: string; organisation_id: string; role: string }>(
    `select id, lower(email) as email, organisation_id, role from users where role in ('regisseur', 'professional') and active`,
  );
  const byEmail = new Map(userRows.map((u) => [u.email, u]));
  // A demo professional stands for their own organisation; elsewhere the generated one does.
  const professionalOf = new Map<string, string>();
  for (const u of userRows) if (u.role === 'professional' && !u.email.endsWith('@scale.example.org')) professionalOf.set(u.organisation_id, u.id);
  for (const u of userRows) if (u.role === 'professional' && !professionalOf.has(u.organisation_id)) professionalOf.set(u.organisation_id, u.id);

  const partner = (name: string, kind: PartnerKind): Partner => {
    const id = orgId.get(name.toLowerCase())!;
    return { id, kind, professionalId: professionalOf.get(id)! };
  };
  const regions = new Map<string, Region>();
  const gemeente = new Map<string, Partner>();
  for (const m of municipalities) {
    gemeente.set(m.code, partner(`Gemeente ${m.name}`, 'gemeente'));
    if (regions.has(m.region)) continue;
    const home = m.region === HOME_REGION;
    regions.set(m.region, {
      code: m.region,
      name: m.regionName,
      partners: {
        police: partner(`Politie ${m.unit}`, 'police'),
        om: partner(`Openbaar Ministerie ${m.unit}`, 'om'),
        ggz: partner(home ? DEMO_NAME.ggz : `GGZ ${m.regionName}`, 'ggz'),
        veiligthuis: partner(home ? DEMO_NAME.veiligthuis : `Veilig Thuis ${m.regionName}`, 'veiligthuis'),
        woning: partner(home ? DEMO_NAME.woning : `Woningcorporatie ${m.regionName}`, 'woning'),
      },
      regisseurs: home
        ? ['regisseur@example.org', 'regisseur2@example.org'].map((e) => byEmail.get(e)!.id)
        : [byEmail.get(`regisseur-${m.region.toLowerCase()}@scale.example.org`)!.id],
    });
  }
  return {
    houseOrgId,
    reclassering: partner('Reclassering Nederland', 'reclassering'),
    regions,
    gemeente,
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, region: m.region, weight: CITY_WEIGHTS[m.code] ?? 1 })),
    orgOfUser: new Map(userRows.map((u) => [u.id, u.organisation_id])),
    roleOfUser: new Map(userRows.map((u) => [u.id, u.role as 'regisseur' | 'professional'])),
  };
}
