'use client';

import { useTranslations } from 'next-intl';
import { createOrganisationAction, updateOrganisationAction } from '@/app/(app)/admin/organisations/actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField, YesNoField } from '@/components/forms/fields';

type Option = { value: string; label: string };

export function CreateOrganisationForm({ domains }: { domains: Option[] }) {
  const t = useTranslations('admin.organisationForm');
  return (
    <ActionForm action={createOrganisationAction} submitLabel={t('create')} pendingLabel={t('saving')} successMessage={t('created')}>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="name" label={t('name')} required />
        <TextField name="shortName" label={t('shortName')} hint={t('shortNameHint')} required />
        <SelectField name="domain" label={t('domain')} placeholder={t('chooseDomain')} options={domains} required />
      </div>
    </ActionForm>
  );
}

interface EditProps {
  organisation: { id: string; name: string; shortName: string; domain: string; active: boolean; version: number };
  domains: Option[];
}

/** Name, short name, domain and whether it is active; the version read guards against overwriting. */
export function EditOrganisationForm({ organisation, domains }: EditProps) {
  const t = useTranslations('admin.organisationForm');
  return (
    <ActionForm action={updateOrganisationAction} submitLabel={t('save')} pendingLabel={t('saving')} successMessage={t('saved')}>
      <Hidden name="id" value={organisation.id} />
      <Hidden name="version" value={organisation.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t('name')} defaultValue={organisation.name} required />
        <TextField name="shortName" label={t('shortName')} hint={t('shortNameHint')} defaultValue={organisation.shortName} required />
        <SelectField name="domain" label={t('domain')} options={domains} defaultValue={organisation.domain} required />
        <YesNoField name="active" label={t('active')} yes={t('activeYes')} no={t('activeNo')} defaultValue={String(organisation.active)} required />
      </div>
      <p className="mt-3 max-w-prose text-sm text-muted">{t('activeHint')}</p>
    </ActionForm>
  );
}
