'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import type { z } from '@/lib/validation/zod';
import { inviteUser, inviteUserSchema, revokeInvitation, revokeInvitationSchema } from '@/lib/users/invitations';
import { changeUserAccess, changeUserAccessSchema, setUserActive, setUserActiveSchema } from '@/lib/users/manage-users';
import { resetUserSecondFactor, signOutEverywhere, unlockUser, userIdSchema } from '@/lib/users/user-security';
import { publicBaseUrl } from './public-base-url';

/** Parses the form (React's own $ACTION_… fields of a form sent before hydration are dropped), runs the change. */
async function adminForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  work: (actor: Actor, input: z.infer<S>) => Promise<unknown>,
): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state } = await handleForm(formData, schema, (input) => work(actor, input));
  // Every admin screen shows users and their state: the overview, a user's page, an organisation's page.
  if (state.ok) revalidatePath('/admin', 'layout');
  return state;
}

export async function setUserActiveAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return adminForm(formData, setUserActiveSchema, setUserActive);
}

/** Asks for a new role or organisation; it applies once someone else approves it. */
export async function changeUserAccessAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const baseUrl = await publicBaseUrl();
  const { state, result } = await handleForm(formData, changeUserAccessSchema, (input) => changeUserAccess(actor, input, { baseUrl }));
  if (!state.ok || !result) return state;
  revalidatePath('/admin', 'layout');
  return { ...state, data: { requested: result.grantId ? 'yes' : 'no' } };
}

export async function resetSecondFactorAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return adminForm(formData, userIdSchema, resetUserSecondFactor);
}

export async function signOutEverywhereAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return adminForm(formData, userIdSchema, signOutEverywhere);
}

export async function unlockUserAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return adminForm(formData, userIdSchema, unlockUser);
}

export async function revokeInvitationAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return adminForm(formData, revokeInvitationSchema, revokeInvitation);
}

/**
 * Asks for the invitation (four eyes: someone else approves it, and only then is the link mailed to the
 * invitee). The answer names the address, never a link.
 */
export async function inviteUserAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const baseUrl = await publicBaseUrl();
  const { state, result } = await handleForm(formData, inviteUserSchema, (input) => inviteUser(actor, input, { baseUrl }));
  if (!state.ok || !result) return state;
  revalidatePath('/admin', 'layout');
  return { ...state, data: { email: result.email } };
}
