'use server';

import { revalidatePath } from 'next/cache';
import { createOrganisation, createOrganisationSchema, updateOrganisation, updateOrganisationSchema } from '@/lib/admin/organisations';
import { getActor } from '@/lib/auth/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';

export async function createOrganisationAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state } = await handleForm(formData, createOrganisationSchema, (input) => createOrganisation(actor, input));
  if (state.ok) revalidatePath('/admin', 'layout');
  return state;
}

export async function updateOrganisationAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state } = await handleForm(formData, updateOrganisationSchema, (input) => updateOrganisation(actor, input));
  if (state.ok) revalidatePath('/admin', 'layout');
  return state;
}
