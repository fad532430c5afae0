import type { UserRole } from '@/db/schema';
import { byRole, ROLES } from './outcome';
import { authorize } from './policy';
import { HOME_SECTION, SECTION_PATHS, SECTIONS, type Section } from './sections';

export { SECTION_PATHS, SECTIONS, type Section };

/** Whether the role may open the section (else it answers 404 for that role). */
export const mayOpen = (role: UserRole, section: Section) => authorize({ role }, `section.${section}`) === 'allow';

/** What each role finds in its navigation: every section it may open, its home section first. */
export const NAVIGATION: Record<UserRole, readonly Section[]> = byRole((role) =>
  [HOME_SECTION[role], ...SECTIONS.filter((s) => s !== HOME_SECTION[role])].filter((s) => mayOpen(role, s)),
);

/** The roles that may open a section; everyone else gets a 404 (the section does not exist for them). */
export function rolesFor(section: Section): UserRole[] {
  return ROLES.filter((role) => mayOpen(role, section));
}
