'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import type { z } from '@/lib/validation/zod';
import { setUserActiveSchema } from '@/lib/users/manage-users';
import { inviteColleague, inviteColleagueSchema, resetOwnUserSecondFactor, setOwnUserActive } from '@/lib/users/partner-admin';
import { userIdSchema } from '@/lib/users/user-security';
import { publicBaseUrl } from '../admin/public-base-url';

/** Parses the form, runs the partnerbeheerder's change (scoped to its organisation in lib/users/partner-admin.ts). */
async function partnerForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  work: (actor: Actor, input: z.infer<S>) => Promise<unknown>,
): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state } = await handleForm(formData, schema, (input) => work(actor, input));
  if (state.ok) revalidatePath('/partnerbeheer', 'layout');
  return state;
}

export async function setOwnUserActiveAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return partnerForm(formData, setUserActiveSchema, setOwnUserActive);
}

export async function resetOwnSecondFactorAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return partnerForm(formData, userIdSchema, resetOwnUserSecondFactor);
}

/** Asks for a colleague's invitation; the house approves it (four eyes), the link goes to the colleague only. */
export async function inviteColleagueAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const baseUrl = await publicBaseUrl();
  const { state, result } = await handleForm(formData, inviteColleagueSchema, (input) => inviteColleague(actor, input, { baseUrl }));
  if (!state.ok || !result) return state;
  revalidatePath('/partnerbeheer', 'layout');
  return { ...state, data: { email: result.email } };
}
