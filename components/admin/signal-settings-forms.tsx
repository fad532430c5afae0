'use client';

import { useTranslations } from 'next-intl';
import { addContactAction, removeContactAction, updateSettingsAction } from '@/app/(app)/admin/settings/actions';
import { AdminActionButton } from '@/components/admin/admin-action-button';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextField, YesNoField } from '@/components/forms/fields';
import { NumberSettingFields } from '@/components/forms/number-setting-fields';
import type { StagnationSettings } from '@/lib/stagnation/settings';

type NumberKey = Exclude<keyof StagnationSettings, 'goodFridayIsHoliday' | 'liberationDay'>;

const GROUPS: { key: string; fields: NumberKey[] }[] = [
  {
    key: 'rules',
    fields: ['overdueGraceDays', 'severeOverdueFactor', 'noProgressWorkingDays', 'dueDateMovesThreshold', 'caseIdleWorkingDays', 'referralNormWorkingDays', 'partnerOverdueThreshold'],
  },
  { key: 'ladder', fields: ['toOrganisationContactWorkingDays', 'toManagerWorkingDays', 'reminderWorkingDaysBeforeDue'] },
];

const LIBERATION_DAY = ['every_year', 'lustrum_years', 'never'] as const;

/** The thresholds of the stagnation rules and the ladder; contradictions come back on the field. */
export function StagnationSettingsForm({ settings, version }: { settings: StagnationSettings; version: number }) {
  const t = useTranslations('signalSettings');
  return (
    <ActionForm action={updateSettingsAction} submitLabel={t('save')} pendingLabel={t('saving')} successMessage={t('saved')} className="space-y-6">
      <Hidden name="version" value={version} />
      {GROUPS.map((group) => (
        <fieldset key={group.key} className="rounded-lg border border-line p-4">
          <legend className="px-1 text-sm font-semibold">{t(`groups.${group.key}`)}</legend>
          <NumberSettingFields fields={group.fields} values={settings} text={(field, part) => t(`fields.${field}.${part}`)} />
        </fieldset>
      ))}
      <fieldset className="rounded-lg border border-line p-4">
        <legend className="px-1 text-sm font-semibold">{t('groups.holidays')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <YesNoField name="settings.goodFridayIsHoliday" label={t('fields.goodFridayIsHoliday.label')} yes={t('yes')} no={t('no')} defaultValue={String(settings.goodFridayIsHoliday)} required />
          <SelectField
            name="settings.liberationDay"
            label={t('fields.liberationDay.label')}
            hint={t('fields.liberationDay.hint')}
            options={LIBERATION_DAY.map((v) => ({ value: v, label: t(`liberationDay.${v}`) }))}
            defaultValue={settings.liberationDay}
            required
          />
        </div>
      </fieldset>
    </ActionForm>
  );
}

type Option = { value: string; label: string };

export function AddContactForm({ organisations }: { organisations: Option[] }) {
  const t = useTranslations('signalSettings');
  return (
    <ActionForm
      action={addContactAction}
      submitLabel={t('contacts.add')}
      pendingLabel={t('saving')}
      successMessage={t('contacts.added')}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="organisationId" label={t('contacts.organisation')} placeholder={t('contacts.chooseOrganisation')} options={organisations} required />
        <TextField name="name" label={t('contacts.name')} autoComplete="off" required />
        <TextField name="email" type="email" label={t('contacts.email')} autoComplete="off" required />
      </div>
    </ActionForm>
  );
}

/** Removing a contact person takes them off the escalation ladder at once: asked first (AdminActionButton). */
export function RemoveContactButton({ contactId, label }: { contactId: string; label: string }) {
  const t = useTranslations('signalSettings');
  return <AdminActionButton action={removeContactAction} fields={{ contactId }} label={t('contacts.remove')} accessibleLabel={label} tone="danger" size="xs" />;
}
