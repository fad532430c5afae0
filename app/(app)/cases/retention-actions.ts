'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import { extendRetention, extendRetentionSchema } from '@/lib/retention/extend-retention';

/** "Bewaartermijn verlengen" on the case page: once, with a reason, by the configured term. */
export async function extendRetentionAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const caseId = String(formData.get('caseId'));
  formData.delete('caseId');
  const { state } = await handleForm(formData, extendRetentionSchema, (input) => extendRetention(actor, caseId, input), (raw) => ({
    ...raw,
    version: Number(raw.version),
  }));
  if (state.ok) revalidatePath(`/cases/${caseId}`);
  return state;
}
