'use server';

import { revalidatePath } from 'next/cache';
import { getActor } from '@/lib/auth/actor';
import { markNotificationsRead, markReadSchema } from '@/lib/notify/centre';

/** Plain form actions (they work without JavaScript): the page and the header count refresh. */
async function mark(input: unknown): Promise<void> {
  const actor = await getActor();
  if (!actor) return;
  const parsed = markReadSchema.safeParse(input);
  if (!parsed.success) return;
  await markNotificationsRead(actor, parsed.data);
  revalidatePath('/', 'layout');
}

export async function markNotificationReadAction(formData: FormData): Promise<void> {
  await mark({ id: formData.get('id') });
}

export async function markAllNotificationsReadAction(): Promise<void> {
  await mark({ all: true });
}
