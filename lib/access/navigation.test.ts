import { describe, expect, it } from 'vitest';
import { NAVIGATION, rolesFor } from './navigation';

describe('navigation per role', () => {
  it('gives each role the sections the issue names, in order', () => {
    expect(NAVIGATION.regisseur).toEqual(['cases', 'meetings', 'agreements', 'signals']);
    expect(NAVIGATION.professional).toEqual(['myAgreements', 'cases']);
    expect(NAVIGATION.manager).toEqual(['dashboard', 'cases']);
    expect(NAVIGATION.admin).toEqual(['admin']);
  });

  it('keeps admins out of case content and others out of Beheer', () => {
    expect(rolesFor('cases')).not.toContain('admin');
    expect(rolesFor('admin')).toEqual(['admin']);
    expect(rolesFor('signals')).toEqual(['regisseur']);
  });
});
