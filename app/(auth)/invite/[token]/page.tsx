import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AuthShell } from '@/components/auth-shell';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { requestMeta } from '@/lib/auth/actor';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/password-policy';
import { checkInvitation } from '@/lib/users/accept-invitation';
import { acceptInvitationAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('invite'))('title') };
}

/** The page behind an invitation link: the invitee chooses a password (public: there is no session yet). */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, format, invitation] = await Promise.all([getTranslations('invite'), getFormatter(), checkInvitation(token, await requestMeta())]);
  if (!invitation.valid) {
    return (
      <AuthShell title={t('invalidTitle')}>
        <p role="alert" className="rounded border border-danger bg-danger-50 px-3 py-2 text-sm text-danger" data-testid="invitation-invalid">
          {invitation.message}
        </p>
        <p className="mt-4 text-sm">
          <Link href="/login" className="font-medium text-brand-700 underline">
            {t('toSignIn')}
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t('title')} intro={t('intro', { name: invitation.name })}>
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded bg-canvas px-3 py-2 text-sm">
        <dt className="text-muted">{t('email')}</dt>
        <dd className="font-medium" data-testid="invitation-email">{invitation.email}</dd>
        <dt className="text-muted">{t('organisation')}</dt>
        <dd>{invitation.organisationName}</dd>
        <dt className="text-muted">{t('validUntil')}</dt>
        <dd>{format.dateTime(invitation.expiresAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
      </dl>
      <ActionForm
        action={acceptInvitationAction}
        submitLabel={t('submit')}
        pendingLabel={t('submitting')}
        submitClassName="mt-6 w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        <input type="hidden" name="token" value={token} />
        {/* The address as username, so a password manager stores the new password with the right account. */}
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <div className="space-y-4">
          <TextField name="password" type="password" label={t('password')} hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })} autoComplete="new-password" required />
          <TextField name="repeatPassword" type="password" label={t('repeatPassword')} autoComplete="new-password" required />
        </div>
      </ActionForm>
      <p className="mt-4 text-sm text-muted">{t('next')}</p>
    </AuthShell>
  );
}
