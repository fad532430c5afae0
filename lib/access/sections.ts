import type { UserRole } from '@/db/schema';
import type { PolicyTable } from './outcome';

/*
 * The sections of the app: the pages a role opens from its navigation. A role's navigation lists every
 * section it may open (lib/access/navigation.ts derives it from here), and a section it may not open
 * answers 404: for that role the section does not exist.
 */
export const SECTIONS = ['cases', 'meetings', 'agreements', 'myAgreements', 'signals', 'report', 'dashboard', 'admin', 'partnerAdmin', 'dataSubjectRequests'] as const;
export type Section = (typeof SECTIONS)[number];
export type SectionAction = `section.${Section}`;

export const SECTION_PATHS: Record<Section, string> = {
  cases: '/cases',
  meetings: '/meetings',
  agreements: '/agreements',
  myAgreements: '/my-agreements',
  signals: '/signals',
  // The stuurgroep report is a view of the signals page: what is still open once it reached a manager.
  report: '/signals?view=stuurgroep',
  dashboard: '/dashboard',
  admin: '/admin',
  // A partner organisation's own administration: its users, by its partnerbeheerder.
  partnerAdmin: '/partnerbeheer',
  dataSubjectRequests: '/data-subject-requests',
};

/** The section a role starts from: first in its navigation; the others follow in the order of SECTIONS. */
export const HOME_SECTION: Record<UserRole, Section> = {
  regisseur: 'cases',
  professional: 'myAgreements',
  manager: 'dashboard',
  admin: 'admin',
  partnerbeheer: 'partnerAdmin',
};

const open = (...sections: Section[]) =>
  Object.fromEntries(SECTIONS.map((s) => [`section.${s}`, sections.includes(s) ? 'allow' : 'not-found'])) as Record<
    SectionAction,
    'allow' | 'not-found'
  >;

export const SECTION_POLICY: PolicyTable<SectionAction> = {
  regisseur: open('cases', 'meetings', 'agreements', 'signals', 'report', 'dashboard', 'dataSubjectRequests'),
  professional: open('myAgreements', 'cases', 'meetings', 'dataSubjectRequests'),
  manager: open('dashboard', 'cases', 'signals', 'report'),
  admin: open('admin'),
  partnerbeheer: open('partnerAdmin'),
};
