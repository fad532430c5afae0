'use client';

import { useTranslations } from 'next-intl';
import { inviteColleagueAction } from '@/app/(app)/partnerbeheer/actions';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';

/** A partnerbeheerder asks to invite a professional of its own organisation; the house approves it. */
export function InviteColleagueForm() {
  const t = useTranslations('admin.invite');
  return (
    <ActionForm
      action={inviteColleagueAction}
      submitLabel={t('submit')}
      pendingLabel={t('submitting')}
      renderSuccess={(state) => (
        <p role="status" className="mb-4 rounded border border-ok bg-emerald-50 px-3 py-2 text-sm text-ok" data-testid="invitation-requested">
          {t('requested', { email: state.data?.email ?? '' })}
        </p>
      )}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t('name')} autoComplete="off" required />
        <TextField name="email" type="email" label={t('email')} autoComplete="off" required />
      </div>
    </ActionForm>
  );
}
