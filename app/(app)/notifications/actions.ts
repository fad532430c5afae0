'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { markNotificationsRead, markReadSchema, openNotification } from '@/lib/notify/centre';
import { z } from '@/lib/validation/zod';

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

const openSchema = z.uuid();

/** Opening a notification marks it read and follows its link (a form, so a prefetch never marks one). */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  const id = openSchema.safeParse(formData.get('id'));
  const link = id.success ? await openNotification(actor, id.data) : null;
  revalidatePath('/', 'layout');
  redirect(link ?? '/notifications');
}
