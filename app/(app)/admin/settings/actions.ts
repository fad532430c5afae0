'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import {
  addContactSchema,
  addEscalationContact,
  removeContactSchema,
  removeEscalationContact,
  updateSettingsSchema,
  updateStagnationSettings,
} from '@/lib/signals/manage-settings';

/** Form fields arrive as text: numbers become numbers (a decimal comma too); empty or odd text is NaN and refused. */
function prepareSettings(raw: Record<string, unknown>) {
  const settings = Object.fromEntries(
    Object.entries((raw.settings as Record<string, unknown> | undefined) ?? {}).map(([key, value]) => {
      if (typeof value !== 'string' || key === 'liberationDay') return [key, value];
      const trimmed = value.trim().replace(',', '.');
      return [key, trimmed === '' ? Number.NaN : Number(trimmed)];
    }),
  );
  return { version: Number(raw.version), settings };
}

export async function updateSettingsAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state } = await handleForm(formData, updateSettingsSchema, (input) => updateStagnationSettings(actor, input), prepareSettings);
  if (state.ok) revalidatePath('/admin/settings');
  return state;
}

export async function addContactAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state } = await handleForm(formData, addContactSchema, (input) => addEscalationContact(actor, input));
  if (state.ok) revalidatePath('/admin/settings');
  return state;
}

export async function removeContactAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state } = await handleForm(formData, removeContactSchema, (input) => removeEscalationContact(actor, input));
  if (state.ok) revalidatePath('/admin/settings');
  return state;
}
