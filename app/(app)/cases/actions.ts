'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { getActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/actor';
import { addPartner, endPartner, setCaseLead } from '@/lib/cases/partners';
import { addCaseContact } from '@/lib/cases/case-contacts';
import { createReferral } from '@/lib/cases/refer';
import { continueReferral, mergeReferral, undoMerge } from '@/lib/cases/referral-matches';
import {
  addPartnerSchema,
  caseLeadSchema,
  caseUpdateSchema,
  caseContactSchema,
  continueReferralSchema,
  endPartnerSchema,
  mergeReferralSchema,
  phoneReferralSchema,
  referralSchema,
  undoMergeSchema,
  transitionSchema,
} from '@/lib/cases/schemas';
import { transitionCase } from '@/lib/cases/transition-case';
import { updateCase } from '@/lib/cases/update-case';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';

const withVersion = (raw: Record<string, unknown>) => ({ ...raw, version: Number(raw.version) });

export async function createReferralAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  // A regisseur takes referrals on the phone: who referred, with a contact. A professional refers herself.
  const regisseur = actor.role === 'regisseur';
  // Unanswered radio groups send nothing; the nested objects must exist for per-field messages.
  const { state, result } = await handleForm(formData, regisseur ? phoneReferralSchema : referralSchema, (input) => createReferral(actor, input), (raw) => ({
    ...raw,
    subject: raw.subject ?? {},
    criteria: raw.criteria ?? {},
    referrer: regisseur ? referrerFromForm(raw.referrer) : undefined,
  }));
  if (!result) return state;
  redirect(`/cases/${result.id}?received=1`);
}

/** No field filled: no referrer. An empty select means "no organisation of the house" (an outside party named instead). */
function referrerFromForm(raw: unknown) {
  const referrer = { ...((raw ?? {}) as Record<string, unknown>) };
  if (Object.values(referrer).every((v) => typeof v !== 'string' || v.trim() === '')) return undefined;
  if (referrer.organisationId === '') referrer.organisationId = null;
  return referrer;
}

/** The case forms share one shape: a hidden caseId, a zod schema, one lib call, a refreshed page. */
async function caseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (actor: Actor, caseId: string, input: z.infer<S>) => Promise<unknown>,
  prepare: (raw: Record<string, unknown>) => unknown = (raw) => raw,
): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
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

export async function mergeReferralAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return caseForm(formData, mergeReferralSchema, mergeReferral, withVersion);
}

export async function undoMergeAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return caseForm(formData, undoMergeSchema, undoMerge, withVersion);
}

export async function continueReferralAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return caseForm(formData, continueReferralSchema, continueReferral, withVersion);
}

export async function addCaseContactAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return caseForm(formData, caseContactSchema, addCaseContact);
}
