import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { AuthShell } from '@/components/auth-shell';
import { SecondFactorForm } from '@/components/second-factor-form';
import { getActor, getPendingSignIn } from '@/lib/auth/actor';
import { safeCallbackPath } from '@/lib/auth/sign-in-schema';
import { verifyCodeAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('codeTitle') };
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  const pending = await getPendingSignIn();
  if (!pending) redirect((await getActor()) ? callbackUrl : '/login');
  if (pending.stage === 'enrolment') redirect(`/login/enrol?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const t = await getTranslations('login');
  return (
    <AuthShell title={t('codeTitle')} intro={t('codeIntro')}>
      <SecondFactorForm action={verifyCodeAction} callbackUrl={callbackUrl} hint={t('codeHint')} />
    </AuthShell>
  );
}
