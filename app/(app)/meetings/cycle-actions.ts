'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import { setInformation } from '@/lib/meetings/information';
import { reportStatus } from '@/lib/meetings/status-round';
import { informationSchema, statusReportSchema } from '@/lib/meetings/status-round-schemas';

/** Statusronde in Mijn afspraken: a short status on one agreement, optionally as a progress entry. */
export async function reportStatusAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const meetingId = String(formData.get('meetingId'));
  formData.delete('meetingId');
  const { state } = await handleForm(formData, statusReportSchema, (input) => reportStatus(actor, meetingId, input), (raw) => ({
    ...raw,
    asProgress: raw.asProgress === true,
  }));
  if (state.ok) {
    revalidatePath('/my-agreements');
    revalidatePath(`/meetings/${meetingId}`);
  }
  return state;
}

/** "Informatie aangeleverd / ontvangen" for one invited organisation. */
export async function setInformationAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const meetingId = String(formData.get('meetingId'));
  formData.delete('meetingId');
  const { state } = await handleForm(formData, informationSchema, (input) => setInformation(actor, meetingId, input));
  if (state.ok) revalidatePath(`/meetings/${meetingId}`);
  return state;
}
