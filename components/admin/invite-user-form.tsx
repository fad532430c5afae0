'use client';

import { useTranslations } from 'next-intl';
import { inviteUserAction } from '@/app/(app)/admin/actions';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField, TextField } from '@/components/forms/fields';

type Option = { value: string; label: string };

/**
 * The request for an invitation: who, which role, which organisation. It waits for someone else's
 * approval; the link then goes to the invitee's mail only, so the answer here never holds it.
 */
export function InviteUserForm({ roles, organisations }: { roles: Option[]; organisations: Option[] }) {
  const t = useTranslations('admin.invite');
  return (
    <ActionForm
      action={inviteUserAction}
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
        <SelectField name="role" label={t('role')} placeholder={t('chooseRole')} options={roles} required />
        <SelectField name="organisationId" label={t('organisation')} hint={t('organisationHint')} placeholder={t('chooseOrganisation')} options={organisations} required />
      </div>
    </ActionForm>
  );
}
