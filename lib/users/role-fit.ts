import type { OrganisationDomain, UserRole } from '@/db/schema';
import { msg } from '@/lib/errors';

/**
 * Which roles belong in which organisations (DESIGN.md, access model): regisseurs and managers work for
 * the Veiligheidshuis, professionals for a partner organisation. The access rules lean on it: a
 * "regisseur" of the police would see every case of the house, a "professional" of the house none.
 * A partnerbeheerder manages a partner organisation's own users. Functioneel beheer may sit anywhere. Returns the Dutch reason a combination is refused, or null.
 */
export function roleMismatch(role: UserRole, domain: OrganisationDomain): string | null {
  if ((role === 'regisseur' || role === 'manager') && domain !== 'veiligheidshuis') {
    return role === 'regisseur'
      ? msg('users.regisseurInHouse')
      : msg('users.managerInHouse');
  }
  if (role === 'professional' && domain === 'veiligheidshuis') {
    return msg('users.professionalAtPartner');
  }
  if (role === 'partnerbeheer' && domain === 'veiligheidshuis') {
    return msg('users.partnerbeheerAtPartner');
  }
  return null;
}
