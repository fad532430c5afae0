'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField, TextField } from '@/components/forms/fields';
import type { FormAction } from '@/lib/forms/action-state';

type Option = { value: string; label: string };

interface Props {
  /** The admin's request, or the partnerbeheerder's, whose role and organisation lib/ fixes itself. */
  action: FormAction;
  /** The roles and organisations to choose from; without them the form asks only who. */
  choices?: { roles: Option[]; organisations: Option[] };
}

/**
 * The request for an invitation: who, and where the asker may choose, which role and organisation. It
 * waits for someone else's approval; the link then goes to the invitee's mail only, so the answer here
 * never holds it.
 */
export function InviteUserForm({ action, choices }: Props) {
  const t = useTranslations('admin.invite');
  return (
    <ActionForm
      action={action}
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
        {choices ? (
          <>
            <SelectField name="role" label={t('role')} placeholder={t('chooseRole')} options={choices.roles} required />
            <SelectField name="organisationId" label={t('organisation')} hint={t('organisationHint')} placeholder={t('chooseOrganisation')} options={choices.organisations} required />
          </>
        ) : null}
      </div>
    </ActionForm>
  );
}
