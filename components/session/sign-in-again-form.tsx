'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { signInWithCredentials } from '@/lib/auth/client-auth';
import { FormFailure } from '@/components/ui/form-failure';
import { buttonClass } from '@/components/ui/button';

const input =
  'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 aria-[invalid=true]:border-danger';

/**
 * Signing in again without leaving the page: the same account, password and code in one request to the
 * credentials sign-in (lib/auth/credentials.ts), which checks both, counts failures towards the lock and
 * starts a new session. The page, and what was typed on it, stay as they are.
 */
export function SignInAgainForm({ email, onSignedIn }: { email: string; onSignedIn: () => void | Promise<void> }) {
  const t = useTranslations('session');
  const tLogin = useTranslations('login');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    const code = String(form.get('code') ?? '').replace(/\s+/g, '');
    if (!password || !code) {
      setFailure(t('fillBoth'));
      return;
    }
    setFailure(null);
    setPending(true);
    try {
      const result = await signInWithCredentials({ email, password, code });
      if (result.ok) {
        await onSignedIn();
        return;
      }
      setFailure(result.status >= 500 ? tLogin('unavailable') : t('failed'));
    } catch {
      setFailure(tLogin('unavailable'));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <FormFailure message={failure} />
      <p className="text-sm">
        {tLogin('email')}: <strong>{email}</strong>
      </p>
      <div>
        <label htmlFor="sign-in-again-password" className="block text-sm font-medium">
          {tLogin('password')}
        </label>
        <input id="sign-in-again-password" name="password" type="password" autoComplete="current-password" autoFocus required className={input} />
      </div>
      <div>
        <label htmlFor="sign-in-again-code" className="block text-sm font-medium">
          {tLogin('code')}
        </label>
        <input id="sign-in-again-code" name="code" inputMode="numeric" autoComplete="one-time-code" required className={input} />
      </div>
      <button type="submit" disabled={pending} className={buttonClass({ size: 'lg', className: 'w-full' })}>
        {pending ? tLogin('submitting') : t('signInAgain')}
      </button>
    </form>
  );
}
