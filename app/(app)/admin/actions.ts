'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/http/errors';
import { setUserActive, setUserActiveSchema } from '@/lib/users/manage-users';

export type ActionState = { ok: boolean; message?: string } | null;

export async function setUserActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  if (!actor) return { ok: false, message: 'Je bent niet (meer) aangemeld.' };
  const parsed = setUserActiveSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: 'Ongeldige invoer.' };
  try {
    await setUserActive(actor, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
  revalidatePath('/admin');
  return { ok: true };
}
