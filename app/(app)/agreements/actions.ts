'use server';

import { revalidatePath } from 'next/cache';
import { createAgreement } from '@/lib/agreements/create-agreement';
import { createAgreementSchema, updateAgreementSchema } from '@/lib/agreements/schemas';
import { updateAgreement } from '@/lib/agreements/update-agreement';
import { getActor } from '@/lib/auth/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';

/** Empty form fields mean "not given". */
function withoutEmpty(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
}

/** "Afspraak maken" on the case page (regisseurs). */
export async function createAgreementAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const caseId = String(formData.get('caseId'));
  formData.delete('caseId');
  const { state } = await handleForm(formData, createAgreementSchema, (input) => createAgreement(actor, caseId, input), withoutEmpty);
  if (state.ok) revalidatePath(`/cases/${caseId}`);
  return state;
}

/** A new due date (with its reason), a new status or description, against the version that was read. */
export async function updateAgreementAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const caseId = String(formData.get('caseId'));
  const agreementId = String(formData.get('agreementId'));
  formData.delete('caseId');
  formData.delete('agreementId');
  const { state } = await handleForm(formData, updateAgreementSchema, (input) => updateAgreement(actor, agreementId, input), (raw) => ({
    ...withoutEmpty(raw),
    version: Number(raw.version),
  }));
  if (state.ok) revalidatePath(`/cases/${caseId}`);
  return state;
}
