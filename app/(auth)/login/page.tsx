import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { AuthShell } from '@/components/auth-shell';
import { LoginForm } from '@/components/login-form';
import { getActor, getPendingSignIn, SECOND_STEP_PATH } from '@/lib/auth/actor';
import { OIDC_FAILURES, type OidcFailure } from '@/lib/auth/oidc/finish';
import { safeCallbackPath } from '@/lib/auth/sign-in-schema';
import { msg, render } from '@/lib/errors';
import { uiLocale } from '@/lib/i18n/ui-locale';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

type SearchParams = Promise<{ callbackUrl?: string | string[]; ended?: string | string[]; invited?: string | string[]; oidc?: string | string[] }>;

/** Why a sign-in through the organisation's IdP was refused (the callback's redirect), in the reader's language. */
async function partnerFailure(reason: unknown): Promise<string | null> {
  if (typeof reason !== 'string' || !OIDC_FAILURES.includes(reason as OidcFailure)) return null;
  return render(msg(`oidc.${reason as OidcFailure}`), await uiLocale());
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  if (await getActor()) redirect(callbackUrl);
  const pending = await getPendingSignIn();
  if (pending) redirect(`${SECOND_STEP_PATH[pending.stage]}?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const t = await getTranslations('login');
  const refused = await partnerFailure(params.oidc);
  return (
    <AuthShell title={t('title')} intro={t('intro')}>
      {params.ended ? (
        <p role="status" className="mb-4 rounded border border-line bg-canvas px-3 py-2 text-sm">
          {t('ended')}
        </p>
      ) : null}
      {refused ? (
        <p role="alert" className="mb-4 rounded border border-danger bg-danger-50 px-3 py-2 text-sm font-medium text-danger">
          {refused}
        </p>
      ) : null}
      {params.invited ? (
        <p role="status" className="mb-4 rounded border border-ok bg-emerald-50 px-3 py-2 text-sm text-ok">
          {t('invited')}
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} />
    </AuthShell>
  );
}
