'use server';

import { redirect } from 'next/navigation';
import { requestMeta } from '@/lib/auth/actor';
import type { ActionState } from '@/lib/forms/action-state';
import { acceptInvitation } from '@/lib/users/accept-invitation';

/**
 * The invitee chooses a password (no session: the link's token is the only key). On success they go to
 * the sign-in page, where the first sign-in sets up the authenticator app. Passwords are never sent back.
 */
export async function acceptInvitationAction(_prev: ActionState | null, formData: FormData): Promise<ActionState> {
  const result = await acceptInvitation(
    { token: formData.get('token') ?? '', password: formData.get('password') ?? '', repeatPassword: formData.get('repeatPassword') ?? '' },
    await requestMeta(),
  );
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, nonce: Date.now() };
  redirect('/login?invited=1');
}
