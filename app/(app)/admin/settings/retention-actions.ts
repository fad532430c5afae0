'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import { updateRetentionSettings, updateRetentionSettingsSchema } from '@/lib/retention/manage-settings';

/** Form fields arrive as text: whole numbers become numbers; empty or odd text is NaN and refused. */
function prepare(raw: Record<string, unknown>) {
  const settings = Object.fromEntries(
    Object.entries((raw.settings as Record<string, unknown> | undefined) ?? {}).map(([key, value]) => {
      const trimmed = typeof value === 'string' ? value.trim().replace(',', '.') : '';
      return [key, trimmed === '' ? Number.NaN : Number(trimmed)];
    }),
  );
  return { version: Number(raw.version), settings };
}

export async function updateRetentionSettingsAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state } = await handleForm(formData, updateRetentionSettingsSchema, (input) => updateRetentionSettings(actor, input), prepare);
  if (state.ok) revalidatePath('/admin/settings');
  return state;
}
