'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { startPartnerSignInAction, type PartnerStart } from '@/app/(auth)/login/partner-actions';
import { ErrorSummary } from '@/components/ui/error-summary';
import { signInWithCredentials } from '@/lib/auth/client-auth';
import { checkSignInFields, safeCallbackPath } from '@/lib/auth/sign-in-fields';
import type { FieldErrors } from '@/lib/validation/zod';
import { FormFailure } from '@/components/ui/form-failure';
import { buttonClass } from '@/components/ui/button';

const input =
  'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 aria-[invalid=true]:border-danger';

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('login');
  const tIdp = useTranslations('partnerIdp');
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [redirecting, setRedirecting] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = checkSignInFields({ email: form.get('email'), password: form.get('password') });
    setFailure(null);
    if (!parsed.success && parsed.errors.email) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setPending(true);
    // The email first: an address of a partner with its own sign-in goes to its IdP, without a password.
    const partner: PartnerStart = await startPartnerSignInAction(form.get('email'), safeCallbackPath(callbackUrl)).catch(() => ({ kind: 'local' as const }));
    if (partner.kind === 'idp') {
      setFailure(null);
      setRedirecting(true);
      window.location.assign(partner.url);
      return;
    }
    // Its IdP is down: say so, and a password (for accounts that have one) still signs in here.
    const idpDown = partner.kind === 'unavailable' ? partner.message : null;
    if (!parsed.success) {
      setErrors(parsed.errors);
      setFailure(idpDown);
      setPending(false);
      return;
    }
    try {
      const result = await signInWithCredentials(parsed.data);
      if (result.ok) {
        // The password is right: on to the second factor (the code, or setting up the app first).
        router.replace(`/login/verify?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl))}`);
        router.refresh();
        return;
      }
      setFailure(idpDown ?? (result.status >= 500 ? t('unavailable') : t('failed')));
    } catch {
      setFailure(t('unavailable'));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormFailure message={failure} />
      {Object.keys(errors).length ? <ErrorSummary fieldErrors={errors} /> : null}
      <Field name="email" type="email" label={t('email')} autoComplete="username" errors={errors.email} />
      <Field name="password" type="password" label={t('password')} autoComplete="current-password" errors={errors.password} />
      <button
        type="submit"
        disabled={pending}
        className={buttonClass({ size: 'lg', className: 'w-full' })}
      >
        {pending ? t('submitting') : t('submit')}
      </button>
      <p className="text-sm text-muted" role={redirecting ? 'status' : undefined}>
        {redirecting ? tIdp('redirecting') : tIdp('loginHint')}
      </p>
    </form>
  );
}

function Field(props: { name: string; type: string; label: string; autoComplete: string; errors?: string[] }) {
  const errorId = `${props.name}-error`;
  const invalid = Boolean(props.errors?.length);
  return (
    <div>
      <label htmlFor={props.name} className="block text-sm font-medium">
        {props.label}
      </label>
      <input
        id={props.name}
        name={props.name}
        type={props.type}
        autoComplete={props.autoComplete}
        required
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        className={input}
      />
      {invalid ? (
        <p id={errorId} className="mt-1 text-sm text-danger">
          {props.errors?.[0]}
        </p>
      ) : null}
    </div>
  );
}
