'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect } from 'react';
import { signOutAndLeave } from '@/lib/auth/client-auth';
import { FormFailure } from '@/components/ui/form-failure';
import { buttonClass } from '@/components/ui/button';

export interface CodeState {
  error?: string;
  fieldError?: string;
  recoveryCodes?: string[];
  next?: string;
}

const input =
  'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-3 py-2 font-mono text-lg tracking-widest shadow-sm focus:border-brand-600 aria-[invalid=true]:border-danger';

/**
 * The code step of the sign-in (also used to confirm a new authenticator app). After enrolment the action
 * answers with the recovery codes, which are shown once, then the user continues.
 */
export function SecondFactorForm({
  action,
  callbackUrl,
  hint,
  done = false,
}: {
  action: (state: CodeState, form: FormData) => Promise<CodeState>;
  callbackUrl: string;
  hint?: string;
  /**
   * The session is fully signed in. Right after enrolment that is because of this form (the page renders
   * again with the new session cookie, and the codes stay on screen); otherwise there is nothing to do here.
   */
  done?: boolean;
}) {
  const t = useTranslations('login');
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, {});
  const leave = done && !state.recoveryCodes;
  useEffect(() => {
    if (leave) router.replace(callbackUrl);
  }, [leave, router, callbackUrl]);

  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} next={state.next ?? '/'} />;
  if (leave) return null;

  const invalid = Boolean(state.fieldError || state.error);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormFailure message={state.error} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="code" className="block text-sm font-medium">
          {t('code')}
        </label>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          autoFocus
          required
          maxLength={64}
          aria-invalid={invalid}
          aria-describedby={state.fieldError ? 'code-error code-hint' : 'code-hint'}
          className={input}
        />
        {state.fieldError ? (
          <p id="code-error" className="mt-1 text-sm text-danger">
            {state.fieldError}
          </p>
        ) : null}
        {hint ? (
          <p id="code-hint" className="mt-1 text-sm text-muted">
            {hint}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className={buttonClass({ size: 'lg', className: 'w-full' })}
      >
        {pending ? t('codeSubmitting') : t('codeSubmit')}
      </button>
      <button
        type="button"
        onClick={() => void signOutAndLeave()}
        className="w-full rounded border border-line px-4 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50"
      >
        {t('cancel')}
      </button>
    </form>
  );
}

function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  const t = useTranslations('login');
  return (
    <section aria-labelledby="recovery-title" className="space-y-4">
      <h2 id="recovery-title" className="text-lg font-semibold">
        {t('recoveryTitle')}
      </h2>
      <p className="text-sm">{t('recoveryIntro')}</p>
      <ol className="grid grid-cols-2 gap-2 rounded border border-line bg-canvas p-4 font-mono text-base" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      {/* A full page load, so the new session cookie is the one every next request carries. */}
      <a href={next} className="block w-full rounded bg-brand-700 px-4 py-2.5 text-center font-semibold text-white hover:bg-brand-800">
        {t('recoveryContinue')}
      </a>
    </section>
  );
}
