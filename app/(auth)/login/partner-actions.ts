'use server';

import { cookies } from 'next/headers';
import { beginInBrowser, stateCookieName, stateCookieOptions } from '@/lib/auth/oidc/browser';
import { safeCallbackPath } from '@/lib/auth/sign-in-schema';
import { AppError } from '@/lib/errors';
import { uiLocale } from '@/lib/i18n/ui-locale';

export type PartnerStart = { kind: 'local' } | { kind: 'idp'; url: string } | { kind: 'unavailable'; message: string };

/**
 * The sign-in form's first question: does this email address sign in at its organisation's own IdP?
 * If so, the sign-in there starts now (its state bound to this browser by a cookie) and the form goes
 * to the IdP; otherwise the form signs in with the password as before.
 */
export async function startPartnerSignInAction(email: unknown, callbackUrl: unknown): Promise<PartnerStart> {
  try {
    const begun = await beginInBrowser(email, safeCallbackPath(typeof callbackUrl === 'string' ? callbackUrl : undefined));
    if (begun.kind === 'local') return begun;
    (await cookies()).set(stateCookieName(), begun.state, stateCookieOptions());
    return { kind: 'idp', url: begun.url };
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAVAILABLE') return { kind: 'unavailable', message: error.localized(await uiLocale()).message };
    throw error;
  }
}
