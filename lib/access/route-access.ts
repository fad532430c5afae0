import type { CaseAction } from './matrix';

/**
 * What protects an entry point that is not a case action:
 * - public: anyone, signed in or not (health checks, the API description, the language switch);
 * - authenticated: any signed-in user, for their own data;
 * - admin: functioneel beheer only (the lib function refuses everyone else);
 * - next-auth: handled by next-auth itself (sign-in, sign-out, session);
 * - second-factor: the two-factor step of sign-in, for a session that has passed the password only
 *   (it must get that session from getPendingSignIn; everything else refuses such a session).
 */
export type RouteGate = 'public' | 'authenticated' | 'admin' | 'next-auth' | 'second-factor';

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
  // A partner IdP's redirect back: its state must be one this browser started (lib/auth/oidc/finish.ts).
  'GET /api/auth/oidc/callback': 'public',
  'GET /api/health': 'public',
  'GET /api/ready': 'public',
  // For a scraper, not a user: its own bearer token (METRICS_TOKEN, lib/metrics/access.ts); 404 without it.
  'GET /api/metrics': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /api/v1/me': 'authenticated',
  'PATCH /api/v1/me': 'authenticated',
  'GET /api/v1/cases': ['case.list'],
  'POST /api/v1/cases': ['case.create'],
  'GET /api/v1/cases/[id]': ['case.view'],
  'PATCH /api/v1/cases/[id]': ['case.update'],
  'POST /api/v1/cases/[id]/transitions': ['case.transition'],
  'PUT /api/v1/cases/[id]/lead': ['partner.lead'],
  'GET /api/v1/cases/[id]/partners': ['partner.list'],
  'POST /api/v1/cases/[id]/partners': ['partner.add'],
  'POST /api/v1/cases/[id]/partners/[partnerId]/end': ['partner.end'],
  'GET /api/v1/cases/[id]/agreements': ['agreement.list'],
  'POST /api/v1/cases/[id]/agreements': ['agreement.create'],
  'GET /api/v1/cases/[id]/subject-access': ['case.subjectAccess'],
  // Person matching at triage: regisseurs only (a transition right), so a referrer learns nothing.
  'GET /api/v1/cases/[id]/matches': ['case.transition'],
  'POST /api/v1/cases/[id]/merge': ['case.transition'],
  'DELETE /api/v1/cases/[id]/merge': ['case.transition'],
  'POST /api/v1/cases/[id]/continue': ['case.transition'],
  // The case journal of contacts: read as the timeline, written as an edit of the case.
  'GET /api/v1/cases/[id]/contacts': ['partner.list'],
  'POST /api/v1/cases/[id]/contacts': ['case.update'],
  // Decided by role in lib/agreements (professionals: their organisation's, on convened cases only; regisseurs: all).
  'GET /api/v1/agreements': 'authenticated',
  'PATCH /api/v1/agreements/[id]': ['agreement.update'],
  'GET /api/v1/agreements/[id]/actions': ['agreement.list'],
  'POST /api/v1/agreements/[id]/actions': ['agreement.log'],
  // Reaches the agreement's case like logging does; then only the owning organisation (else 404).
  'POST /api/v1/agreements/[id]/confirmation': ['agreement.log'],
  // Meetings are not case-scoped: lib/meetings/access.ts decides per meeting (regisseurs manage; invited
  // professionals read, and see only the agenda items of their convened cases). The feed checks its token.
  'GET /api/v1/meetings': 'authenticated',
  'POST /api/v1/meetings': 'authenticated',
  'GET /api/v1/meetings/[id]': 'authenticated',
  'PATCH /api/v1/meetings/[id]': 'authenticated',
  'POST /api/v1/meetings/[id]/transitions': 'authenticated',
  'GET /api/v1/meetings/[id]/ics': 'authenticated',
  // The live view (lib/live): the stream and "nu besproken" check the meeting like the page does.
  'GET /api/v1/meetings/[id]/events': 'authenticated',
  'POST /api/v1/meetings/[id]/current-item': 'authenticated',
  // Minutes of a running meeting (lib/meetings/minute-drafts.ts): the chair's drafts and final save.
  'PATCH /api/v1/meetings/[id]/items/[itemId]': 'authenticated',
  'GET /api/v1/meetings/[id]/items/[itemId]/draft': 'authenticated',
  'PUT /api/v1/meetings/[id]/items/[itemId]/draft': 'authenticated',
  'DELETE /api/v1/meetings/[id]/items/[itemId]/draft': 'authenticated',
  // The session's own clock: it reads the cookie itself and answers 401 without a session (no data).
  'GET /api/v1/session': 'public',
  'POST /api/v1/session': 'public',
  'GET /api/v1/calendar/[userId]/[token]': 'public',
  // Decided by role in lib/dashboard (managers and regisseurs; everyone else answers 403).
  'GET /api/v1/dashboard': 'authenticated',
  'GET /api/v1/dashboard.csv': 'authenticated',
  // Decided by role in lib/signals (regisseurs read and act; managers read; everyone else answers 404).
  'GET /api/v1/signals': 'authenticated',
  'GET /api/v1/signals.csv': 'authenticated',
  'POST /api/v1/signals/[id]/resolve': 'authenticated',
  'POST /api/v1/signals/[id]/snooze': 'authenticated',

  'action app/locale-action.ts#switchLocale': 'public',
  'action app/(auth)/login/actions.ts#verifyCodeAction': 'second-factor',
  'action app/(auth)/login/actions.ts#confirmEnrolmentAction': 'second-factor',
  'action app/(app)/account/actions.ts#changePasswordAction': 'authenticated',
  'action app/(app)/account/actions.ts#regenerateRecoveryCodesAction': 'authenticated',
  'action app/(app)/admin/actions.ts#setUserActiveAction': 'admin',
  'action app/(app)/admin/actions.ts#changeUserAccessAction': 'admin',
  'action app/(app)/admin/actions.ts#resetSecondFactorAction': 'admin',
  'action app/(app)/admin/actions.ts#signOutEverywhereAction': 'admin',
  'action app/(app)/admin/actions.ts#unlockUserAction': 'admin',
  'action app/(app)/admin/actions.ts#inviteUserAction': 'admin',
  'action app/(app)/admin/actions.ts#revokeInvitationAction': 'admin',
  // Four eyes on access: decided by role in lib/users (admins; regisseurs for professionals; managers for admins).
  'action app/(app)/approvals/actions.ts#decideGrantAction': 'authenticated',
  // A partner organisation's own administration: partnerbeheerders only, scoped to their organisation in lib/users/partner-admin.ts.
  'action app/(app)/partnerbeheer/actions.ts#setOwnUserActiveAction': 'authenticated',
  'action app/(app)/partnerbeheer/actions.ts#resetOwnSecondFactorAction': 'authenticated',
  'action app/(app)/partnerbeheer/actions.ts#inviteColleagueAction': 'authenticated',
  'action app/(app)/admin/organisations/actions.ts#createOrganisationAction': 'admin',
  'action app/(app)/admin/organisations/actions.ts#updateOrganisationAction': 'admin',
  'action app/(app)/admin/organisations/idp-actions.ts#saveIdpSettingsAction': 'admin',
  'action app/(app)/admin/organisations/idp-actions.ts#removeIdpSettingsAction': 'admin',
  // The invitee has no session yet: the single-use token in the link is the key (lib/users/accept-invitation.ts).
  'action app/(auth)/invite/actions.ts#acceptInvitationAction': 'public',
  // Only says whether an address goes to its organisation's IdP, and starts that sign-in.
  'action app/(auth)/login/partner-actions.ts#startPartnerSignInAction': 'public',
  'action app/(app)/admin/settings/actions.ts#updateSettingsAction': 'admin',
  'action app/(app)/admin/settings/actions.ts#addContactAction': 'admin',
  'action app/(app)/admin/settings/actions.ts#removeContactAction': 'admin',
  'action app/(app)/admin/settings/retention-actions.ts#updateRetentionSettingsAction': 'admin',
  // Signals: decided by role in lib/signals (regisseurs only). Notifications: the user's own (RLS).
  'action app/(app)/signals/actions.ts#resolveSignalAction': 'authenticated',
  'action app/(app)/signals/actions.ts#snoozeSignalAction': 'authenticated',
  'action app/(app)/signals/more-action.tsx#moreSignalsAction': 'authenticated',
  // Decided by role in lib/agreements (agreement.overview), as GET /api/v1/agreements.
  'action app/(app)/agreements/more-action.tsx#moreAgreementsAction': 'authenticated',
  'action app/(app)/notifications/actions.ts#markNotificationReadAction': 'authenticated',
  // Marks the user's own notification read and follows its link inside the app (lib/notify/centre.ts).
  'action app/(app)/notifications/actions.ts#openNotificationAction': 'authenticated',
  'action app/(app)/notifications/actions.ts#markAllNotificationsReadAction': 'authenticated',
  'action app/(app)/cases/actions.ts#createReferralAction': ['case.create'],
  'action app/(app)/cases/actions.ts#transitionAction': ['case.transition'],
  'action app/(app)/cases/actions.ts#updateCaseAction': ['case.update'],
  'action app/(app)/cases/actions.ts#addPartnerAction': ['partner.add'],
  'action app/(app)/cases/actions.ts#endPartnerAction': ['partner.end'],
  'action app/(app)/cases/actions.ts#setCaseLeadAction': ['partner.lead'],
  'action app/(app)/cases/actions.ts#mergeReferralAction': ['case.transition'],
  'action app/(app)/cases/actions.ts#undoMergeAction': ['case.transition'],
  'action app/(app)/cases/actions.ts#continueReferralAction': ['case.transition'],
  'action app/(app)/cases/actions.ts#addCaseContactAction': ['case.update'],
  // Extending the retention term is an edit of the case (regisseurs only).
  'action app/(app)/cases/retention-actions.ts#extendRetentionAction': ['case.update'],
  'action app/(app)/agreements/actions.ts#createAgreementAction': ['agreement.create'],
  'action app/(app)/agreements/actions.ts#updateAgreementAction': ['agreement.update'],
  'action app/(app)/meetings/actions.ts#createMeetingAction': 'authenticated',
  'action app/(app)/meetings/actions.ts#transitionMeetingAction': 'authenticated',
  'action app/(app)/meetings/actions.ts#rescheduleMeetingAction': 'authenticated',
  'action app/(app)/meetings/[id]/live-actions.ts#setCurrentItemAction': 'authenticated',
  'action app/(app)/meetings/[id]/live-actions.ts#confirmAgreementAction': ['agreement.log'],
  'action app/(app)/meetings/actions.ts#inviteOrganisationAction': 'authenticated',
  'action app/(app)/meetings/actions.ts#setAttendanceAction': 'authenticated',
  'action app/(app)/meetings/actions.ts#addAgendaItemAction': 'authenticated',
  'action app/(app)/meetings/actions.ts#moveAgendaItemAction': 'authenticated',
  'action app/(app)/meetings/actions.ts#removeAgendaItemAction': 'authenticated',
  'action app/(app)/meetings/actions.ts#recordAgendaItemAction': 'authenticated',
  'action app/(app)/meetings/actions.ts#moveItemToNextMeetingAction': 'authenticated',
  'action app/(app)/meetings/actions.ts#planNextMeetingAction': 'authenticated',
  'action app/(app)/meetings/cycle-actions.ts#reportStatusAction': 'authenticated',
  'action app/(app)/meetings/cycle-actions.ts#setInformationAction': 'authenticated',
  'action app/(app)/meetings/agreement-actions.ts#createMeetingAgreementAction': ['agreement.create'],
  'action app/(app)/meetings/agreement-actions.ts#changeMeetingAgreementAction': ['agreement.update'],
  'action app/(app)/meetings/agreement-actions.ts#closeMeetingAgreementAction': ['agreement.update'],
  // The WGS contact point: decided in lib/data-subject-requests by lib/access/data-subject-requests.ts
  // (regisseurs register, extend and answer; a partner's people answer their organisation's task only).
  'action app/(app)/data-subject-requests/actions.ts#registerRequestAction': 'authenticated',
  'action app/(app)/data-subject-requests/actions.ts#extendTermAction': 'authenticated',
  'action app/(app)/data-subject-requests/actions.ts#combinedAnswerAction': 'authenticated',
  'action app/(app)/data-subject-requests/actions.ts#answerTaskAction': 'authenticated',
};
