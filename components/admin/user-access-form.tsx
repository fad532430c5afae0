'use client';

import { useTranslations } from 'next-intl';
import { changeUserAccessAction } from '@/app/(app)/admin/actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField } from '@/components/forms/fields';

type Option = { value: string; label: string };

interface Props {
  userId: string;
  version: number;
  role: string;
  organisationId: string;
  roles: Option[];
  organisations: Option[];
}

/** Role and organisation of another user: a request that applies (and ends their sessions) once someone else approves it. */
export function UserAccessForm({ userId, version, role, organisationId, roles, organisations }: Props) {
  const t = useTranslations('admin.userDetail');
  return (
    <ActionForm
      action={changeUserAccessAction}
      submitLabel={t('saveAccess')}
      pendingLabel={t('saving')}
      renderSuccess={(state) => (
        <p role="status" className="mb-4 rounded border border-ok bg-emerald-50 px-3 py-2 text-sm text-ok">
          {state.data?.requested === 'yes' ? t('accessRequested') : t('accessUnchanged')}
        </p>
      )}
    >
      <Hidden name="userId" value={userId} />
      <Hidden name="version" value={version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="role" label={t('role')} options={roles} defaultValue={role} required />
        <SelectField name="organisationId" label={t('organisation')} options={organisations} defaultValue={organisationId} required />
      </div>
    </ActionForm>
  );
}
