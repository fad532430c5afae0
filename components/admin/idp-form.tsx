'use client';

import { useTranslations } from 'next-intl';
import { removeIdpSettingsAction, saveIdpSettingsAction } from '@/app/(app)/admin/organisations/idp-actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField } from '@/components/forms/fields';
import { buttonClass } from '@/components/ui/button';

const POLICIES = ['idp-or-totp', 'idp-required', 'totp'] as const;

interface Props {
  organisationId: string;
  settings: { issuer: string; clientId: string; emailDomains: string[]; mfaPolicy: string; mfaValues: string[]; version: number } | null;
}

/** Issuer, client, email domains and how the IdP's second factor counts; the secret is write-only. */
export function IdpSettingsForm({ organisationId, settings }: Props) {
  const t = useTranslations('partnerIdp');
  return (
    <>
      <ActionForm action={saveIdpSettingsAction} submitLabel={t('save')} pendingLabel={t('saving')} successMessage={t('saved')}>
        <Hidden name="organisationId" value={organisationId} />
        <Hidden name="version" value={settings?.version ?? 0} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="issuer" type="url" label={t('issuer')} hint={t('issuerHint')} defaultValue={settings?.issuer} required />
          <TextField name="clientId" label={t('clientId')} defaultValue={settings?.clientId} required />
          <TextField
            name="clientSecret"
            type="password"
            autoComplete="new-password"
            label={t('clientSecret')}
            hint={settings ? `${t('clientSecretHint')} ${t('clientSecretKeep')}` : t('clientSecretHint')}
            required={!settings}
          />
          <TextField name="emailDomains" label={t('emailDomains')} hint={t('emailDomainsHint')} defaultValue={settings?.emailDomains.join(', ')} required />
          <SelectField
            name="mfaPolicy"
            label={t('mfaPolicy')}
            options={POLICIES.map((p) => ({ value: p, label: t(`mfaPolicy_${p}`) }))}
            defaultValue={settings?.mfaPolicy ?? 'idp-or-totp'}
            required
          />
          <TextField name="mfaValues" label={t('mfaValues')} hint={t('mfaValuesHint')} defaultValue={settings?.mfaValues.join(', ') ?? 'mfa'} required />
        </div>
      </ActionForm>
      {settings ? (
        <ActionForm
          action={removeIdpSettingsAction}
          submitLabel={t('remove')}
          successMessage={t('removed')}
          className="mt-4 border-t border-line pt-4"
          submitClassName={buttonClass({ size: 'md', variant: 'secondary' })}
        >
          <Hidden name="organisationId" value={organisationId} />
        </ActionForm>
      ) : null}
    </>
  );
}
