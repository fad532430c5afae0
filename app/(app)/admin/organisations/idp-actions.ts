'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import { removeIdpSettings, saveIdpSettings } from '@/lib/auth/oidc/admin-config';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import { z } from '@/lib/validation/zod';

// The lib parses (its schema turns the lists into arrays): the form hands the fields over as typed.
const asTyped = z.looseObject({});

export async function saveIdpSettingsAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state } = await handleForm(formData, asTyped, (input) => saveIdpSettings(actor, input));
  // The secret typed is not sent back to the page with the other values.
  if (state.values) delete state.values.clientSecret;
  if (state.ok) revalidatePath('/admin/organisations', 'layout');
  return state;
}

const removeSchema = z.strictObject({ organisationId: z.uuid() });

export async function removeIdpSettingsAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state } = await handleForm(formData, removeSchema, (input) => removeIdpSettings(actor, input));
  if (state.ok) revalidatePath('/admin/organisations', 'layout');
  return state;
}
