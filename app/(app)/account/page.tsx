import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { PageTitle } from '@/components/page-title';
import { RecoveryCodesForm } from '@/components/recovery-codes-form';
import { requirePage } from '@/lib/access/pages';
import { ownSecondFactor } from '@/lib/auth/own-account';
import { changePasswordAction, regenerateRecoveryCodesAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function AccountPage() {
  const actor = await requirePage();
  const [t, format, factor] = await Promise.all([
    getTranslations('account'),
    getFormatter(),
    ownSecondFactor(actor.userId),
  ]);
  const section = 'rounded-lg border border-line bg-white p-6 shadow-sm';
  return (
    <>
      <PageTitle description={t('intro')}>{t('title')}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="password-title" className={section}>
          <h2 id="password-title" className="text-lg font-semibold">
            {t('passwordTitle')}
          </h2>
          <p className="mb-4 mt-1 text-sm text-muted">{t('passwordIntro')}</p>
          <ActionForm action={changePasswordAction} submitLabel={t('changePassword')} pendingLabel={t('saving')} successMessage={t('passwordChanged')}>
            <div className="space-y-4">
              {/* A hidden username lets password managers store the new password with the right account. */}
              <input type="email" name="username" autoComplete="username" value={actor.email} readOnly hidden />
              <TextField name="currentPassword" type="password" label={t('currentPassword')} autoComplete="current-password" required />
              <TextField name="newPassword" type="password" label={t('newPassword')} autoComplete="new-password" required />
              <TextField name="repeatPassword" type="password" label={t('repeatPassword')} autoComplete="new-password" required />
            </div>
          </ActionForm>
        </section>
        <section aria-labelledby="two-factor-title" className={section}>
          <h2 id="two-factor-title" className="text-lg font-semibold">
            {t('twoFactorTitle')}
          </h2>
          {factor.totp?.confirmedAt ? (
            <p className="mb-4 mt-1 text-sm">
              {t('twoFactorActive', { date: format.dateTime(factor.totp.confirmedAt, { dateStyle: 'long' }), count: factor.codes })}
            </p>
          ) : null}
          <p className="mb-4 text-sm text-muted">{t('twoFactorLost')}</p>
          <RecoveryCodesForm
            action={regenerateRecoveryCodesAction}
            labels={{
              submit: t('newRecoveryCodes'),
              pending: t('saving'),
              intro: t('newRecoveryCodesIntro'),
              shown: t('recoveryCodesShown'),
              confirmation: t('recoveryConfirmation'),
              confirmationHint: t('recoveryConfirmationHint'),
            }}
          />
        </section>
      </div>
    </>
  );
}
