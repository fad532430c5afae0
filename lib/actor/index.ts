import type { OrganisationDomain, UserRole } from '@/db/schema';

/**
 * Who is acting: the signed-in user as the domain sees it. A type only, at the bottom, so domain modules need
 * not import the session code (lib/auth) to name it.
 */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  role: UserRole;
  locale: string;
  organisationId: string;
  organisationName: string;
  organisationDomain: OrganisationDomain;
  /** Where the request came from, for the audit log; set per request by getActor. */
  ip: string | null;
  userAgent: string | null;
}
