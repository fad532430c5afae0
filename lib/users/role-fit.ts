import type { OrganisationDomain, UserRole } from '@/db/schema';

/**
 * Which roles belong in which organisations (DESIGN.md, access model): regisseurs and managers work for
 * the Veiligheidshuis, professionals for a partner organisation. The access rules lean on it: a
 * "regisseur" of the police would see every case of the house, a "professional" of the house none.
 * Functioneel beheer may sit anywhere. Returns the Dutch reason a combination is refused, or null.
 */
export function roleMismatch(role: UserRole, domain: OrganisationDomain): string | null {
  if ((role === 'regisseur' || role === 'manager') && domain !== 'veiligheidshuis') {
    return role === 'regisseur'
      ? 'Een procesregisseur werkt voor het Veiligheidshuis: kies de organisatie van het Veiligheidshuis.'
      : 'Een manager werkt voor het Veiligheidshuis: kies de organisatie van het Veiligheidshuis.';
  }
  if (role === 'professional' && domain === 'veiligheidshuis') {
    return 'Een professional werkt bij een partnerorganisatie: kies een partnerorganisatie.';
  }
  return null;
}
