import type { UserRole } from '@/db/schema';

export type Section = 'cases' | 'meetings' | 'agreements' | 'signals' | 'myAgreements' | 'dashboard' | 'admin';

export const SECTION_PATHS: Record<Section, string> = {
  cases: '/cases',
  meetings: '/meetings',
  agreements: '/agreements',
  signals: '/signals',
  myAgreements: '/my-agreements',
  dashboard: '/dashboard',
  admin: '/admin',
};

/** What each role finds in its navigation, in this order. */
export const NAVIGATION: Record<UserRole, readonly Section[]> = {
  regisseur: ['cases', 'meetings', 'agreements', 'signals'],
  professional: ['myAgreements', 'cases'],
  manager: ['dashboard', 'cases'],
  admin: ['admin'],
};

/** The roles that may open a section; everyone else gets a 404 (the section does not exist for them). */
export function rolesFor(section: Section): UserRole[] {
  return (Object.keys(NAVIGATION) as UserRole[]).filter((role) => NAVIGATION[role].includes(section));
}
