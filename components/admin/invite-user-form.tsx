'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { inviteUserAction } from '@/app/(app)/admin/actions';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField, TextField } from '@/components/forms/fields';
import type { ActionState } from '@/lib/forms/action-state';

type Option = { value: string; label: string };

/** The invitation: who, which role, which organisation. The answer shows the link once. */
export function InviteUserForm({ roles, organisations }: { roles: Option[]; organisations: Option[] }) {
  const t = useTranslations('admin.invite');
  return (
    <ActionForm action={inviteUserAction} submitLabel={t('submit')} pendingLabel={t('submitting')} renderSuccess={(state) => <CreatedLink state={state} />}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t('name')} autoComplete="off" required />
        <TextField name="email" type="email" label={t('email')} autoComplete="off" required />
        <SelectField name="role" label={t('role')} placeholder={t('chooseRole')} options={roles} required />
        <SelectField name="organisationId" label={t('organisation')} hint={t('organisationHint')} placeholder={t('chooseOrganisation')} options={organisations} required />
      </div>
    </ActionForm>
  );
}

function CreatedLink({ state }: { state: ActionState }) {
  const t = useTranslations('admin.invite');
  const format = useFormatter();
  const [copied, setCopied] = useState(false);
  const link = state.data?.link ?? '';
  const expires = state.data?.expiresAt ? format.dateTime(new Date(state.data.expiresAt), { dateStyle: 'medium', timeStyle: 'short' }) : '';
  return (
    <div role="status" className="mb-4 rounded border border-ok bg-emerald-50 px-3 py-3 text-sm" data-testid="invitation-created">
      <p className="font-medium text-ok">{t('created', { email: state.data?.email ?? '' })}</p>
      <label htmlFor="invitation-link" className="mt-2 block font-medium">
        {t('linkLabel')}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="invitation-link"
          readOnly
          value={link}
          aria-describedby="invitation-link-hint"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-[#8a96a6] bg-white px-3 py-2 font-mono text-xs"
          data-testid="invitation-link"
        />
        <button
          type="button"
          onClick={() => navigator.clipboard?.writeText(link).then(() => setCopied(true))}
          className="rounded border border-brand-600 px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <p id="invitation-link-hint" className="mt-2 text-muted">
        {t('linkHint', { expires })}
      </p>
    </div>
  );
}
