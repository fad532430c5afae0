import type { Action } from './policy';

/**
 * Every page (a page.tsx under app/, by its URL) with what protects it: a policy action its
 * requirePage() asks (lib/access/pages.ts; refused means 404), 'authenticated' for any signed-in user's
 * own pages (requirePage() without an action), or 'public' for the sign-in steps. lib/access/
 * page-coverage.test.ts fails for a page missing here, an entry without its page, and a page whose
 * guard asks another action than registered.
 */
export type PageProtection = 'public' | 'authenticated' | Action;

export const PAGE_ACCESS: Record<string, PageProtection> = {
  '/': 'authenticated',
  '/account': 'authenticated',
  '/notifications': 'authenticated',
  '/approvals': 'accessGrant.decide',
  '/cases': 'section.cases',
  '/cases/new': 'case.create',
  '/cases/[id]': 'section.cases',
  '/cases/[id]/subject-access': 'section.cases',
  '/agreements': 'section.agreements',
  '/my-agreements': 'section.myAgreements',
  '/meetings': 'section.meetings',
  '/meetings/new': 'meeting.create',
  '/meetings/[id]': 'section.meetings',
  '/meetings/[id]/print': 'section.meetings',
  '/signals': 'section.signals',
  '/dashboard': 'section.dashboard',
  '/data-subject-requests': 'section.dataSubjectRequests',
  '/data-subject-requests/new': 'dataSubjectRequest.manage',
  '/data-subject-requests/[id]': 'dataSubjectRequest.manage',
  '/data-subject-requests/tasks/[id]': 'section.dataSubjectRequests',
  '/admin': 'section.admin',
  '/admin/users/[id]': 'admin.users',
  '/admin/organisations': 'admin.organisations',
  '/admin/organisations/[id]': 'admin.organisations',
  '/admin/settings': 'admin.settings',
  '/admin/audit': 'admin.audit',
  '/admin/mailbox': 'admin.mailbox',
  '/partnerbeheer': 'section.partnerAdmin',
  '/partnerbeheer/users/[id]': 'partner.users',
  '/login': 'public',
  '/login/verify': 'public',
  '/login/enrol': 'public',
  '/invite/[token]': 'public',
};
