import 'server-only';
import { revalidatePath } from 'next/cache';
import type { Actor } from '@/lib/actor';
import { getActor } from '@/lib/auth/actor';
import type { z } from '@/lib/validation/zod';
import { handleForm, signedOut, type ActionState } from './action-state';

interface Options<R> {
  /** The section whose screens all show what changed: its layout path, so each page below it renders afresh. */
  revalidate: string;
  /** What the form shows once after success (state.data), from the change's result. */
  answer?: (result: R) => Record<string, string>;
}

/**
 * A server action that changes something as the signed-in user. The sign-in check comes first (a gone
 * session gets the signed-out answer), then the form is parsed (React's own $ACTION_… fields of a form
 * sent before hydration are dropped) and the change runs as that actor; who may do what is decided by
 * `work` in lib/, so one course serves the admin and the partnerbeheerder alike. Only a success renders
 * the section afresh.
 */
export async function actorForm<S extends z.ZodType, R>(
  formData: FormData,
  schema: S,
  work: (actor: Actor, input: z.infer<S>) => Promise<R>,
  options: Options<R>,
): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return signedOut();
  const { state, result } = await handleForm(formData, schema, (input) => work(actor, input));
  if (!state.ok) return state;
  revalidatePath(options.revalidate, 'layout');
  return options.answer && result !== undefined ? { ...state, data: options.answer(result) } : state;
}
