import { describe, expect, it } from 'vitest';
import { ROLES } from './outcome';
import { mayOpen, NAVIGATION, rolesFor, SECTION_PATHS, SECTIONS } from './navigation';

describe('navigation per role', () => {
  it('gives each role every section it may open, its home section first', () => {
    expect(NAVIGATION.regisseur).toEqual(['cases', 'meetings', 'agreements', 'signals', 'report', 'dashboard', 'dataSubjectRequests']);
    // Professionals open /meetings (the meetings they are invited to), so they find it.
    expect(NAVIGATION.professional).toEqual(['myAgreements', 'cases', 'meetings', 'dataSubjectRequests']);
    // Managers find the signals their escalations reach and the stuurgroep report.
    expect(NAVIGATION.manager).toEqual(['dashboard', 'cases', 'signals', 'report']);
    expect(NAVIGATION.admin).toEqual(['admin']);
    // A partnerbeheerder finds its organisation's user administration, and no case, meeting or signal.
    expect(NAVIGATION.partnerbeheer).toEqual(['partnerAdmin']);
    expect(SECTION_PATHS.report).toBe('/signals?view=stuurgroep');
  });

  it('lists no section a role may not open, and hides none it may', () => {
    for (const role of ROLES) {
      for (const section of SECTIONS) expect(NAVIGATION[role].includes(section), `${role} · ${section}`).toBe(mayOpen(role, section));
    }
  });

  it('keeps admins out of case content and others out of Beheer', () => {
    expect(rolesFor('cases')).not.toContain('admin');
    expect(rolesFor('admin')).toEqual(['admin']);
    expect(rolesFor('signals')).toEqual(['regisseur', 'manager']);
    expect(rolesFor('meetings')).toEqual(['regisseur', 'professional']);
  });
});
