'use client';

import { useTranslations } from 'next-intl';
import { registerRequestAction } from '@/app/(app)/data-subject-requests/actions';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxGroup } from '@/components/forms/checkbox-group';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { IDENTITY_CHECKS, REQUEST_KINDS } from '@/lib/data-subject-requests/kinds';

export interface CaseChoice {
  id: string;
  number: string;
  detail: string;
}

/** Step two of registering: who asked and how, and which of the found cases are this person's. */
export function RegisterRequestForm({ name, birthDate, cases }: { name: string; birthDate: string; cases: CaseChoice[] }) {
  const t = useTranslations('dataSubjectRequests');
  return (
    <ActionForm action={registerRequestAction} submitLabel={t('form.submit')} pendingLabel={t('form.submitting')} className="space-y-4">
      <Hidden name="name" value={name} />
      <Hidden name="birthDate" value={birthDate} />
      {cases.length > 0 ? (
        <CheckboxGroup
          name="cases"
          legend={t('form.cases')}
          hint={t('form.casesHint')}
          options={cases.map((c) => ({ value: c.id, label: c.number, detail: c.detail }))}
          checked={cases.map((c) => c.id)}
        />
      ) : (
        <p className="text-sm text-muted">{t('search.none')}</p>
      )}
      <SelectField name="kind" label={t('kind')} required options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
      <TextField name="receivedOn" type="date" label={t('receivedOn')} hint={t('form.receivedOnHint')} required />
      <TextField name="requesterContact" label={t('form.requesterContact')} hint={t('form.requesterContactHint')} required />
      <SelectField
        name="identityCheck"
        label={t('form.identityCheck')}
        required
        options={IDENTITY_CHECKS.map((c) => ({ value: c, label: t(`identityChecks.${c}`) }))}
      />
      <TextArea name="identityNote" label={t('form.identityNote')} rows={2} />
    </ActionForm>
  );
}
