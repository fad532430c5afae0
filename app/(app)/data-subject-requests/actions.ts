'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { extendTerm, sendCombinedAnswer } from '@/lib/data-subject-requests/change-request';
import { registerRequest } from '@/lib/data-subject-requests/register-request';
import { answerTaskSchema, combinedAnswerSchema, extendTermSchema, registerRequestSchema } from '@/lib/data-subject-requests/schemas';
import { answerTask } from '@/lib/data-subject-requests/tasks';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';

/** The ticked cases (`cases.<id>` = true) as the list the schema takes. */
function withCaseIds(raw: Record<string, unknown>) {
  const { cases, ...rest } = raw;
  const ticked = cases && typeof cases === 'object' ? Object.entries(cases).filter(([, v]) => v === true).map(([id]) => id) : [];
  return { ...rest, caseIds: ticked };
}

const withVersion = (raw: Record<string, unknown>) => ({ ...raw, version: Number(raw.version) });

/** Takes the id a form carries out of what the schema parses. */
function takeId(formData: FormData, name: string): string {
  const id = String(formData.get(name) ?? '');
  formData.delete(name);
  return id;
}

export async function registerRequestAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state, result } = await handleForm(formData, registerRequestSchema, (input) => registerRequest(actor, input), withCaseIds);
  if (result) redirect(`/data-subject-requests/${result.id}`);
  return state;
}

export async function extendTermAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const id = takeId(formData, 'requestId');
  const { state } = await handleForm(formData, extendTermSchema, (input) => extendTerm(actor, id, input), withVersion);
  if (state.ok) revalidatePath(`/data-subject-requests/${id}`);
  return state;
}

export async function combinedAnswerAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const id = takeId(formData, 'requestId');
  const { state } = await handleForm(formData, combinedAnswerSchema, (input) => sendCombinedAnswer(actor, id, input), withVersion);
  if (state.ok) revalidatePath(`/data-subject-requests/${id}`);
  return state;
}

export async function answerTaskAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const id = takeId(formData, 'taskId');
  const { state } = await handleForm(formData, answerTaskSchema, (input) => answerTask(actor, id, input), withVersion);
  if (state.ok) revalidatePath(`/data-subject-requests/tasks/${id}`);
  return state;
}
