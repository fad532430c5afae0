'use client';

import { useTranslations } from 'next-intl';
import { reportStatusAction, setInformationAction } from '@/app/(app)/meetings/cycle-actions';
import { ActionForm, useFormAnswer } from '@/components/forms/action-form';
import { Hidden, TextArea, TextField, YesNoField } from '@/components/forms/fields';
import { buttonClass } from '@/components/ui/button';

const small = buttonClass({ className: 'mt-2' });

function ProgressBox({ label }: { label: string }) {
  const { state, idPrefix } = useFormAnswer();
  const checked = state?.values ? state.values.asProgress === 'true' : false;
  return (
    <label htmlFor={`${idPrefix}asProgress`} className="mt-2 flex items-start gap-2 text-sm">
      <input id={`${idPrefix}asProgress`} type="checkbox" name="asProgress" value="true" defaultChecked={checked} className="mt-0.5 h-4 w-4 shrink-0" />
      <span>{label}</span>
    </label>
  );
}

/** One agreement's status for the statusronde, from Mijn afspraken. */
export function StatusReportForm({ meetingId, agreementId, label }: { meetingId: string; agreementId: string; label: string }) {
  const t = useTranslations('meetings.cycle');
  return (
    <ActionForm action={reportStatusAction} submitLabel={t('report.submit')} submitClassName={small} successMessage={t('report.saved')}>
      <Hidden name="meetingId" value={meetingId} />
      <Hidden name="agreementId" value={agreementId} />
      <TextArea name="note" label={label} hint={t('report.hint')} rows={2} required />
      <ProgressBox label={t('report.asProgress')} />
    </ActionForm>
  );
}

/** The regisseur records whether an organisation's information came in before the meeting. */
export function InformationForm({
  meetingId,
  organisationId,
  organisationName,
  received,
  note,
}: {
  meetingId: string;
  organisationId: string;
  organisationName: string;
  received: boolean;
  note: string;
}) {
  const t = useTranslations('meetings.cycle');
  return (
    <ActionForm action={setInformationAction} submitLabel={t('information.save')} submitClassName={small} successMessage={t('information.saved')}>
      <Hidden name="meetingId" value={meetingId} />
      <Hidden name="organisationId" value={organisationId} />
      <YesNoField
        name="received"
        label={t('information.received', { organisation: organisationName })}
        yes={t('information.yes')}
        no={t('information.no')}
        defaultValue={received ? 'true' : 'false'}
      />
      <div className="mt-2">
        <TextField name="note" label={t('information.note', { organisation: organisationName })} defaultValue={note} />
      </div>
    </ActionForm>
  );
}
