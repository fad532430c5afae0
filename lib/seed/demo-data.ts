import type { OrganisationDomain, UserRole } from '@/db/schema';

/** The demo house as ../shared/DESIGN.md describes it: tests and the README rely on these values. */
export const DEMO_PASSWORD = 'Casusregie-demo-2026';

export const DEMO_HOUSE = {
  name: 'Zorg- en Veiligheidshuis Regio Utrecht',
  safetyRegionCode: 'VR09',
};

export const DEMO_ORGANISATIONS: { key: string; name: string; shortName: string; domain: OrganisationDomain }[] = [
  { key: 'zvh', name: 'Zorg- en Veiligheidshuis Regio Utrecht', shortName: 'ZVH Utrecht', domain: 'veiligheidshuis' },
  { key: 'politie', name: 'Politie Midden-Nederland', shortName: 'Politie', domain: 'veiligheid' },
  { key: 'om', name: 'Openbaar Ministerie Midden-Nederland', shortName: 'OM', domain: 'veiligheid' },
  { key: 'reclassering', name: 'Reclassering Nederland', shortName: 'Reclassering', domain: 'veiligheid' },
  { key: 'ggz', name: 'Altrecht GGZ', shortName: 'Altrecht', domain: 'zorg' },
  { key: 'veiligthuis', name: 'Veilig Thuis Regio Utrecht', shortName: 'Veilig Thuis', domain: 'zorg' },
  { key: 'utrecht', name: 'Gemeente Utrecht', shortName: 'Gem. Utrecht', domain: 'gemeente' },
  { key: 'amersfoort', name: 'Gemeente Amersfoort', shortName: 'Gem. Amersfoort', domain: 'gemeente' },
  { key: 'mitros', name: 'Mitros wonen', shortName: 'Mitros', domain: 'overig' },
];

export const DEMO_USERS: { email: string; name: string; role: UserRole; organisation: string }[] = [
  { email: 'admin@example.org', name: 'Sanne Vermeulen', role: 'admin', organisation: 'zvh' },
  { email: 'manager@example.org', name: 'Hans de Wit', role: 'manager', organisation: 'zvh' },
  { email: 'regisseur@example.org', name: 'Ingrid Bakker', role: 'regisseur', organisation: 'zvh' },
  { email: 'regisseur2@example.org', name: 'Youssef El Amrani', role: 'regisseur', organisation: 'zvh' },
  { email: 'politie@example.org', name: 'Mark Jansen', role: 'professional', organisation: 'politie' },
  { email: 'ggz@example.org', name: 'Eva Visser', role: 'professional', organisation: 'ggz' },
  { email: 'gemeente@example.org', name: 'Pieter de Groot', role: 'professional', organisation: 'utrecht' },
  { email: 'reclassering@example.org', name: 'Fatima Ouali', role: 'professional', organisation: 'reclassering' },
  { email: 'veiligthuis@example.org', name: 'Lotte Smit', role: 'professional', organisation: 'veiligthuis' },
  { email: 'partnerbeheer.politie@example.org', name: 'Anouk Hendriks', role: 'partnerbeheer', organisation: 'politie' },
];

/**
 * Fixed TOTP secrets (base32) of the demo accounts, already confirmed, so that people and tests sign in
 * with password plus a code from any authenticator app (listed in the README). Demo data only.
 */
export const DEMO_TOTP_SECRETS: Record<string, string> = {
  'admin@example.org': 'ETFTBKCI7EPDVLA363HPS2YNSRH6ZJU6',
  'manager@example.org': 'CNROBNIGFAYKMFZK5MNKKXEHB7LTEFHP',
  'regisseur@example.org': '2PYIIFQEKOG2KJIO43QPLEPZYEVOD7CQ',
  'regisseur2@example.org': 'K7CJ4OP474JT3SIO5DN2UMQUJYOMFEIF',
  'politie@example.org': 'FQYDP6TXRTRNTKETPCQQHSEHZX6BU25G',
  'ggz@example.org': 'XBLPFLQSJLZIUMEE22V7WURQDNGAJUHY',
  'gemeente@example.org': 'PW4ASE2V2NXDUAKHUOW2JVLCZQS62QXQ',
  'reclassering@example.org': 'ZZNGJA7SKGSDV5S4RNLLXV74AXCAWTGF',
  'veiligthuis@example.org': 'X22DGYJ523VE3LETA5XAKAK256UOEGPC',
  'partnerbeheer.politie@example.org': 'AKTTO4UF3WGTZQZ3OENM2Q5QTWQO3OXF',
};
