'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from '@/lib/validation/zod';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locale';

const localeForm = z.object({ locale: z.enum(LOCALES) });

export async function switchLocale(formData: FormData): Promise<void> {
  const parsed = localeForm.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    maxAge: 60 * 60 * 24 * 365,
  });
  revalidatePath('/', 'layout');
}
