'use server';

import type { ActionState } from '@/lib/forms/action-state';
import { actorForm } from '@/lib/forms/actor-form';
import { inviteUser, inviteUserSchema, revokeInvitation, revokeInvitationSchema } from '@/lib/users/invitations';
import { changeUserAccess, changeUserAccessSchema, setUserActive, setUserActiveSchema } from '@/lib/users/manage-users';
import { resetUserSecondFactor, signOutEverywhere, unlockUser, userIdSchema } from '@/lib/users/user-security';
import { publicBaseUrl } from './public-base-url';

// Every admin screen shows users and their state: the overview, a user's page, an organisation's page.
const ADMIN = { revalidate: '/admin' };

export async function setUserActiveAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return actorForm(formData, setUserActiveSchema, setUserActive, ADMIN);
}

/** Asks for a new role or organisation; it applies once someone else approves it. */
export async function changeUserAccessAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return actorForm(formData, changeUserAccessSchema, async (actor, input) => changeUserAccess(actor, input, { baseUrl: await publicBaseUrl() }), {
    ...ADMIN,
    answer: (result) => ({ requested: result.grantId ? 'yes' : 'no' }),
  });
}

export async function resetSecondFactorAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return actorForm(formData, userIdSchema, resetUserSecondFactor, ADMIN);
}

export async function signOutEverywhereAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return actorForm(formData, userIdSchema, signOutEverywhere, ADMIN);
}

export async function unlockUserAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return actorForm(formData, userIdSchema, unlockUser, ADMIN);
}

export async function revokeInvitationAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return actorForm(formData, revokeInvitationSchema, revokeInvitation, ADMIN);
}

/**
 * Asks for the invitation (four eyes: someone else approves it, and only then is the link mailed to the
 * invitee). The answer names the address, never a link.
 */
export async function inviteUserAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return actorForm(formData, inviteUserSchema, async (actor, input) => inviteUser(actor, input, { baseUrl: await publicBaseUrl() }), {
    ...ADMIN,
    answer: (invitation) => ({ email: invitation.email }),
  });
}
