import type { CaseAction } from './matrix';

/**
 * What protects an entry point that is not a case action:
 * - public: anyone, signed in or not (health checks, the API description, the language switch);
 * - authenticated: any signed-in user, for their own data;
 * - admin: functioneel beheer only (the lib function refuses everyone else);
 * - next-auth: handled by next-auth itself (sign-in, sign-out, session).
 */
export type RouteGate = 'public' | 'authenticated' | 'admin' | 'next-auth';

/** One or more actions of the permission matrix (lib/access/matrix.ts), or a gate. */
export type RouteProtection = RouteGate | readonly [CaseAction, ...CaseAction[]];

/**
 * Every route handler ("METHOD /path", from the route.ts files under app/) and every exported server action
 * ("action <file>#<export>", from files that start with 'use server'), with what protects it.
 * lib/access/route-coverage.test.ts fails when an entry point exists that is missing here, when an entry
 * here no longer exists, and when the case actions listed differ from what the code actually calls.
 */
export const ROUTE_ACCESS: Record<string, RouteProtection> = {
  'GET /api/auth/[...nextauth]': 'next-auth',
  'POST /api/auth/[...nextauth]': 'next-auth',
  'GET /api/health': 'public',
  'GET /api/ready': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /api/v1/me': 'authenticated',
  'PATCH /api/v1/me': 'authenticated',
  'GET /api/v1/cases': ['case.list'],
  'POST /api/v1/cases': ['case.create'],
  'GET /api/v1/cases/[id]': ['case.view'],
  'PATCH /api/v1/cases/[id]': ['case.view', 'case.update'],
  'POST /api/v1/cases/[id]/transitions': ['case.transition'],
  'PUT /api/v1/cases/[id]/lead': ['partner.lead'],
  'GET /api/v1/cases/[id]/partners': ['partner.list'],
  'POST /api/v1/cases/[id]/partners': ['partner.add'],
  'POST /api/v1/cases/[id]/partners/[partnerId]/end': ['partner.end'],

  'action app/locale-action.ts#switchLocale': 'public',
  'action app/(app)/admin/actions.ts#setUserActiveAction': 'admin',
  'action app/(app)/cases/actions.ts#createReferralAction': ['case.create'],
  'action app/(app)/cases/actions.ts#transitionAction': ['case.transition'],
  'action app/(app)/cases/actions.ts#updateCaseAction': ['case.update'],
  'action app/(app)/cases/actions.ts#addPartnerAction': ['partner.add'],
  'action app/(app)/cases/actions.ts#endPartnerAction': ['partner.end'],
  'action app/(app)/cases/actions.ts#setCaseLeadAction': ['partner.lead'],
};
