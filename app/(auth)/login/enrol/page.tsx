import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { AuthShell } from '@/components/auth-shell';
import { QrCode } from '@/components/qr-code';
import { SecondFactorForm } from '@/components/second-factor-form';
import { getActor, getPendingSignIn } from '@/lib/auth/actor';
import { beginEnrolment } from '@/lib/auth/own-account';
import { safeCallbackPath } from '@/lib/auth/sign-in-schema';
import { otpauthUri } from '@/lib/auth/totp';
import { confirmEnrolmentAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('enrolTitle') };
}

export default async function EnrolPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  const pending = await getPendingSignIn();
  // Right after the first code the session is fully signed in and this page renders once more (the
  // action set the new cookie): the form stays in place, showing the recovery codes.
  const done = !pending && (await getActor()) !== null;
  if (!pending && !done) redirect('/login');
  if (pending && pending.stage !== 'enrolment') redirect(`/login/verify?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const [t, secret] = await Promise.all([
    getTranslations('login'),
    pending ? beginEnrolment(pending.userId).then((e) => e.secret) : null,
  ]);
  return (
    <AuthShell title={t('enrolTitle')} intro={t('enrolIntro')} wide>
      <div className="space-y-6">
        {pending && secret ? (
          <section className="space-y-3">
            <p className="font-medium">{t('enrolScan')}</p>
            <div className="flex justify-center">
              <QrCode value={otpauthUri(secret, pending.email)} label={t('qrLabel')} />
            </div>
            <p className="text-sm">{t('enrolManual')}</p>
            <p className="break-all rounded bg-canvas px-3 py-2 text-center font-mono text-base tracking-wider" data-testid="totp-secret">
              {secret.match(/.{1,4}/g)?.join(' ')}
            </p>
          </section>
        ) : null}
        <section className="space-y-3">
          {pending ? <p className="font-medium">{t('enrolConfirm')}</p> : null}
          <SecondFactorForm action={confirmEnrolmentAction} callbackUrl={callbackUrl} done={done} />
        </section>
      </div>
    </AuthShell>
  );
}
