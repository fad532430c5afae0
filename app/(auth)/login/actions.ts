'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import type { CodeState } from '@/components/second-factor-form';
import { getPendingSignIn, requestMeta } from '@/lib/auth/actor';
import { finishSignIn } from '@/lib/auth/own-account';
import { setSessionCookie } from '@/lib/auth/session-cookie';
import { codeSchema, safeCallbackPath } from '@/lib/auth/sign-in-schema';
import { render } from '@/lib/errors';
import { uiLocale } from '@/lib/i18n/ui-locale';

/** The code step of a half-signed-in session (password passed, second factor not yet). */
export async function verifyCodeAction(_state: CodeState, form: FormData): Promise<CodeState> {
  return secondStep(form, 'verify');
}

/** The first code of a newly scanned authenticator app: sets up the second factor and signs in. */
export async function confirmEnrolmentAction(_state: CodeState, form: FormData): Promise<CodeState> {
  return secondStep(form, 'enrol');
}

async function secondStep(form: FormData, mode: 'verify' | 'enrol'): Promise<CodeState> {
  const pending = await getPendingSignIn();
  if (!pending || (pending.stage === 'enrolment') !== (mode === 'enrol')) redirect('/login');
  const parsed = codeSchema.safeParse({ code: form.get('code') });
  if (!parsed.success) return { fieldError: render(parsed.error.issues[0]!.message, await uiLocale()) };
  const next = safeCallbackPath(typeof form.get('callbackUrl') === 'string' ? (form.get('callbackUrl') as string) : undefined);
  const meta = await requestMeta();
  const result = await finishSignIn(pending, parsed.data.code, meta, mode);
  if (!result.ok) {
    // At the account lock the half session has ended: start again (the lock refuses that too, for now).
    if (result.ended) redirect('/login?ended=1');
    return { error: (await getTranslations('login'))('codeFailed') };
  }
  await setSessionCookie(result.claims);
  if (mode === 'enrol') return { recoveryCodes: result.recoveryCodes, next };
  redirect(next);
}
