'use client';

import { useTranslations } from 'next-intl';
import { addCaseContactAction } from '@/app/(app)/cases/actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { buttonClass } from '@/components/ui/button';
import { CONTACT_KINDS } from '@/lib/cases/contact-kinds';

/** A line of the case journal: a phone call, a mail or a consultation about the case (regisseurs). */
export function CaseContactForm({ caseId, today }: { caseId: string; today: string }) {
  const t = useTranslations('case.journal');
  return (
    <ActionForm action={addCaseContactAction} submitLabel={t('submit')} submitClassName={buttonClass({ className: 'mt-3' })} successMessage={t('saved')} className="space-y-3">
      <Hidden name="caseId" value={caseId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="kind" label={t('kind')} placeholder={t('chooseKind')} options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} required />
        <TextField name="contactDate" label={t('date')} type="date" max={today} defaultValue={today} required />
      </div>
      <TextField name="organisation" label={t('organisation')} required />
      <TextArea name="note" label={t('note')} rows={2} required />
    </ActionForm>
  );
}
