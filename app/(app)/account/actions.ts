'use server';

import { getActor } from '@/lib/auth/actor';
import { changeOwnPassword, regenerateOwnRecoveryCodes } from '@/lib/auth/own-account';
import { msg, render } from '@/lib/errors';
import { signedOut, type ActionState } from '@/lib/forms/action-state';
import { uiLocale } from '@/lib/i18n/ui-locale';
import type { FieldErrors } from '@/lib/validation/zod';

/** The user's own password change. Passwords are never sent back to the form, not even on an error. */
export async function changePasswordAction(_state: ActionState | null, form: FormData): Promise<ActionState> {
  const nonce = Date.now();
  const actor = await getActor();
  if (!actor) return signedOut();
  const input = {
    currentPassword: form.get('currentPassword') ?? '',
    newPassword: form.get('newPassword') ?? '',
    repeatPassword: form.get('repeatPassword') ?? '',
  };
  const fieldErrors = await changeOwnPassword(actor, input);
  if (fieldErrors) return { ok: false, message: render(msg('common.checkFields'), await uiLocale()), fieldErrors, nonce };
  return { ok: true, nonce };
}

export interface RecoveryCodesState {
  codes?: string[];
  message?: string;
  fieldErrors?: FieldErrors;
}

/**
 * Ten new recovery codes, shown once; the old ones stop working. Only with the password or a current
 * code from the app in the same form (lib/auth/second-factor.ts); the user gets a mail about it.
 */
export async function regenerateRecoveryCodesAction(_state: RecoveryCodesState, form: FormData): Promise<RecoveryCodesState> {
  const actor = await getActor();
  if (!actor) return { message: (await signedOut()).message };
  const result = await regenerateOwnRecoveryCodes(actor, { confirmation: form.get('confirmation') ?? '' });
  if (!result.ok) return { message: render(msg('common.checkFields'), await uiLocale()), fieldErrors: result.fieldErrors };
  return { codes: result.codes };
}
