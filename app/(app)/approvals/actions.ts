'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import { decideGrant, decideGrantSchema } from '@/lib/users/decide-grant';
import { publicBaseUrl } from '../admin/public-base-url';

/**
 * Approve or reject a pending grant of a role (four eyes), or withdraw one's own request. Who may decide
 * which grant is decided in lib/users (admins, regisseurs for professionals, managers for admins).
 */
export async function decideGrantAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const baseUrl = await publicBaseUrl();
  const { state } = await handleForm(formData, decideGrantSchema, (input) => decideGrant(actor, input, { baseUrl }));
  if (state.ok) {
    revalidatePath('/admin', 'layout');
    revalidatePath('/approvals');
  }
  return state;
}
