'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { addPartner, endPartner, setCaseLead } from '@/lib/cases/partners';
import { createReferral } from '@/lib/cases/refer';
import {
  addPartnerSchema,
  caseLeadSchema,
  caseUpdateSchema,
  endPartnerSchema,
  referralSchema,
  transitionSchema,
} from '@/lib/cases/schemas';
import { transitionCase } from '@/lib/cases/transition-case';
import { updateCase } from '@/lib/cases/update-case';
import { handleForm, type ActionState } from '@/lib/forms/action-state';

const signedOut: ActionState = { ok: false, message: 'Je bent niet (meer) aangemeld.', nonce: 0 };

const withVersion = (raw: Record<string, unknown>) => ({ ...raw, version: Number(raw.version) });

export async function createReferralAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  // Unanswered radio groups send nothing; the nested objects must exist for per-field messages.
  const { state, result } = await handleForm(formData, referralSchema, (input) => createReferral(actor, input), (raw) => ({
    ...raw,
    subject: raw.subject ?? {},
    criteria: raw.criteria ?? {},
  }));
  if (!result) return state;
  redirect(`/cases/${result.id}?received=1`);
}

export async function transitionAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const caseId = String(formData.get('caseId'));
  formData.delete('caseId');
  const { state } = await handleForm(formData, transitionSchema, (input) => transitionCase(actor, caseId, input), withVersion);
  if (state.ok) revalidatePath(`/cases/${caseId}`);
  return state;
}

export async function updateCaseAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const caseId = String(formData.get('caseId'));
  formData.delete('caseId');
  const { state } = await handleForm(formData, caseUpdateSchema, (input) => updateCase(actor, caseId, input), (raw) => {
    const prepared = withVersion(raw) as Record<string, unknown>;
    // An empty select means "no regisseur assigned".
    if (prepared.regisseurUserId === '') prepared.regisseurUserId = null;
    return prepared;
  });
  if (state.ok) revalidatePath(`/cases/${caseId}`);
  return state;
}

export async function addPartnerAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const caseId = String(formData.get('caseId'));
  formData.delete('caseId');
  const { state } = await handleForm(formData, addPartnerSchema, (input) => addPartner(actor, caseId, input));
  if (state.ok) revalidatePath(`/cases/${caseId}`);
  return state;
}

export async function endPartnerAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const caseId = String(formData.get('caseId'));
  formData.delete('caseId');
  const { state } = await handleForm(formData, endPartnerSchema, (input) => endPartner(actor, caseId, input));
  if (state.ok) revalidatePath(`/cases/${caseId}`);
  return state;
}

export async function setCaseLeadAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const caseId = String(formData.get('caseId'));
  formData.delete('caseId');
  const { state } = await handleForm(formData, caseLeadSchema, (input) => setCaseLead(actor, caseId, input), (raw) => ({
    ...withVersion(raw),
    userId: raw.userId === '' || raw.userId === undefined ? null : raw.userId,
  }));
  if (state.ok) revalidatePath(`/cases/${caseId}`);
  return state;
}
