import type { UserRole } from '@/db/schema';

/**
 * Who opens the meeting pages: regisseurs (all meetings) and professionals (the meetings their
 * organisation is invited to; lib/meetings/access.ts decides per meeting). Managers and admins do not.
 */
export const MEETING_ROLES: readonly UserRole[] = ['regisseur', 'professional'];
