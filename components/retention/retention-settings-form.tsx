'use client';

import { useTranslations } from 'next-intl';
import { updateRetentionSettingsAction } from '@/app/(app)/admin/settings/retention-actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden } from '@/components/forms/fields';
import { NumberSettingFields } from '@/components/forms/number-setting-fields';
import type { RetentionSettings } from '@/lib/retention/settings';

const FIELDS: (keyof RetentionSettings)[] = ['rejectedYears', 'handledYears', 'auditLogYears', 'extensionYears'];

/** The retention terms in whole years; an invalid one comes back on its field. */
export function RetentionSettingsForm({ settings, version }: { settings: RetentionSettings; version: number }) {
  const t = useTranslations('retention.settings');
  return (
    <ActionForm action={updateRetentionSettingsAction} submitLabel={t('save')} pendingLabel={t('saving')} successMessage={t('saved')}>
      <Hidden name="version" value={version} />
      <NumberSettingFields fields={FIELDS} values={settings} text={(field, part) => t(`fields.${field}.${part}`)} />
    </ActionForm>
  );
}
