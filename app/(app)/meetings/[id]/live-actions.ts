'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import { confirmAgreement } from '@/lib/live/confirm-agreement';
import { setCurrentItem } from '@/lib/live/current-item';
import { confirmationSchema, currentItemSchema } from '@/lib/live/schemas';

/** "Nu besproken": the chair marks an item (an empty itemId clears the mark). */
export async function setCurrentItemAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const meetingId = String(formData.get('meetingId'));
  formData.delete('meetingId');
  const { state } = await handleForm(formData, currentItemSchema, (input) => setCurrentItem(actor, meetingId, input), (raw) => ({
    itemId: raw.itemId ? raw.itemId : null,
  }));
  if (state.ok) revalidatePath(`/meetings/${meetingId}`);
  return state;
}

/** The owning partner's akkoord, or its question back, on an agreement made for it. */
export async function confirmAgreementAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const meetingId = String(formData.get('meetingId'));
  const agreementId = String(formData.get('agreementId'));
  formData.delete('meetingId');
  formData.delete('agreementId');
  const { state } = await handleForm(formData, confirmationSchema, (input) => confirmAgreement(actor, agreementId, input));
  if (state.ok) revalidatePath(`/meetings/${meetingId}`);
  return state;
}
