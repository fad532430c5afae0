'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/actor';
import { handleForm, signedOut, type ActionState } from '@/lib/forms/action-state';
import { resolveSignal, snoozeSignal, type SignalChangeResult } from '@/lib/signals/change-signal';
import { parseActedIds, resolveSignalSchema, snoozeSignalSchema } from '@/lib/signals/schemas';

const withVersion = (raw: Record<string, unknown>) => ({ ...raw, version: Number(raw.version) });

/** Where to go back after a change on the signals page (keeping its filters); nothing else is followed. */
function returnPath(value: FormDataEntryValue | null): string | null {
  const path = typeof value === 'string' ? value : '';
  return /^\/signals(\?[^\s]*)?$/.test(path) ? path : null;
}

/** Back with a notice, and the signal added to those acted on: it stays in its place, marked, until reload. */
function withNotice(path: string, done: 'resolved' | 'snoozed', signalId: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('done', done);
  url.searchParams.set('acted', parseActedIds([url.searchParams.get('acted'), signalId].filter(Boolean).join(',')).join(','));
  return `${url.pathname}${url.search}`;
}

async function signalForm(
  formData: FormData,
  schema: typeof resolveSignalSchema | typeof snoozeSignalSchema,
  done: 'resolved' | 'snoozed',
  run: (actor: Actor, signalId: string, input: unknown) => Promise<SignalChangeResult>,
): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const signalId = String(formData.get('signalId'));
  const back = returnPath(formData.get('returnTo'));
  formData.delete('signalId');
  formData.delete('returnTo');
  const { state, result } = await handleForm(formData, schema, (input) => run(actor, signalId, input), withVersion);
  if (!result) return state;
  revalidatePath('/signals');
  if (result.caseId) revalidatePath(`/cases/${result.caseId}`);
  if (back) redirect(withNotice(back, done, result.id));
  return state;
}

export async function resolveSignalAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return signalForm(formData, resolveSignalSchema, 'resolved', resolveSignal);
}

export async function snoozeSignalAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  return signalForm(formData, snoozeSignalSchema, 'snoozed', snoozeSignal);
}
