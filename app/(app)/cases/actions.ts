'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { getActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/actor';
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

/** The case forms share one shape: a hidden caseId, a zod schema, one lib call, a refreshed page. */
async function caseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (actor: Actor, caseId: string, input: z.infer<S>) => Promise<unknown>,
  prepare: (raw: Record<string, unknown>) => unknown = (raw) => raw,
): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const caseId = String(formData.get('caseId'));
  formData.delete('caseId');
  const { state } = await handleForm(formData, schema, (input) => run(actor, caseId, input), prepare);
  if (state.ok) revalidatePath(`/cases/${caseId}`);
  return state;
}

export async function transitionAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return caseForm(formData, transitionSchema, transitionCase, withVersion);
}

export async function updateCaseAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return caseForm(formData, caseUpdateSchema, updateCase, (raw) => {
    const prepared = withVersion(raw) as Record<string, unknown>;
    // An empty select means "no regisseur assigned".
    if (prepared.regisseurUserId === '') prepared.regisseurUserId = null;
    return prepared;
  });
}

export async function addPartnerAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return caseForm(formData, addPartnerSchema, addPartner);
}

export async function endPartnerAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return caseForm(formData, endPartnerSchema, endPartner);
}

export async function setCaseLeadAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return caseForm(formData, caseLeadSchema, setCaseLead, (raw) => ({
    ...withVersion(raw),
    userId: raw.userId === '' || raw.userId === undefined ? null : raw.userId,
  }));
}
