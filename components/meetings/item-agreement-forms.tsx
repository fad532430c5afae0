'use client';

import { useFormatter, useTranslations } from 'next-intl';
import {
  changeMeetingAgreementAction,
  closeMeetingAgreementAction,
  createMeetingAgreementAction,
} from '@/app/(app)/meetings/agreement-actions';
import { OwnerFields } from '@/components/agreements/agreement-forms';
import { ActionForm, useFormAnswer } from '@/components/forms/action-form';
import { Hidden, TextArea, TextField } from '@/components/forms/fields';
import { buttonClass } from '@/components/ui/button';

type Option = { value: string; label: string };
export interface OwnerChoices {
  organisations: (Option & { invited: boolean })[];
  professionals: (Option & { organisationId: string })[];
}

const small = buttonClass({ className: 'mt-3' });

/** Convened partners not invited to this meeting stay choosable, marked as such. */
function ownerOptions(choices: OwnerChoices, notInvited: string): Option[] {
  return choices.organisations.map((o) => ({ value: o.value, label: o.invited ? o.label : `${o.label} (${notInvited})` }));
}

/** Radio buttons with their error at the group, kept as chosen after an error. */
function RadioGroup({ name, legend, options, required }: { name: string; legend: string; options: Option[]; required?: boolean }) {
  const { state, idPrefix } = useFormAnswer();
  const errors = state?.fieldErrors?.[name];
  const chosen = state?.values?.[name];
  const errorId = `${idPrefix}${name}-error`;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium">
        {legend}
        {required ? <span aria-hidden="true" className="text-danger"> *</span> : null}
      </legend>
      <div className="mt-1 space-y-1.5">
        {options.map((o) => (
          <label
            key={o.value}
            className={`flex items-start gap-2 rounded border bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 ${errors?.length ? 'border-danger' : 'border-line'}`}
          >
            <input type="radio" name={name} value={o.value} defaultChecked={chosen === o.value} className="mt-0.5 h-4 w-4 shrink-0" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-danger">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}

/** "Afspraak maken" in a case item of the running meeting. */
export function CreateItemAgreementForm({
  caseId,
  meetingId,
  agendaItemId,
  choices,
  today,
}: {
  caseId: string;
  meetingId: string;
  agendaItemId: string;
  choices: OwnerChoices;
  today: string;
}) {
  const t = useTranslations('agreements');
  const format = useFormatter();
  const todayLabel = format.dateTime(new Date(`${today}T12:00:00Z`), { dateStyle: 'long' });
  return (
    <ActionForm
      action={createMeetingAgreementAction}
      submitLabel={t('create')}
      pendingLabel={t('saving')}
      successMessage={t('created')}
      submitClassName={small}
      className="space-y-3"
    >
      <Hidden name="caseId" value={caseId} />
      <Hidden name="meetingId" value={meetingId} />
      <Hidden name="agendaItemId" value={agendaItemId} />
      <TextArea name="description" label={t('description')} rows={2} required />
      <OwnerFields organisations={ownerOptions(choices, t('notInvited'))} professionals={choices.professionals} />
      <div className="sm:w-1/2">
        <TextField name="dueDate" label={t('dueDate')} type="date" required hint={t('dueDateHint', { today: todayLabel })} />
      </div>
    </ActionForm>
  );
}

interface AgreementRef {
  caseId: string;
  meetingId: string;
  agreement: { id: string; version: number; ownerOrganisationId: string; ownerUserId: string | null };
}

/** The afsprakencheck: another due date (with its reason) or another owner. */
export function ChangeItemAgreementForm({ caseId, meetingId, agreement, choices }: AgreementRef & { choices: OwnerChoices }) {
  const t = useTranslations('agreements');
  return (
    <ActionForm action={changeMeetingAgreementAction} submitLabel={t('save')} pendingLabel={t('saving')} successMessage={t('updated')} submitClassName={small} className="space-y-3">
      <Hidden name="caseId" value={caseId} />
      <Hidden name="meetingId" value={meetingId} />
      <Hidden name="agreementId" value={agreement.id} />
      <Hidden name="version" value={agreement.version} />
      <OwnerFields
        organisations={ownerOptions(choices, t('notInvited'))}
        professionals={choices.professionals}
        initial={{ organisationId: agreement.ownerOrganisationId, userId: agreement.ownerUserId }}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="dueDate" label={t('newDueDate')} type="date" hint={t('newDueDateHint')} />
        <TextArea name="dueDateReason" label={t('dueDateReason')} rows={2} hint={t('dueDateReasonHint')} />
      </div>
    </ActionForm>
  );
}

/** The afsprakencheck: close as gedaan, or niet gedaan with the reason the stuurgroep needs. */
export function CloseItemAgreementForm({ caseId, meetingId, agreement }: AgreementRef) {
  const t = useTranslations('agreements');
  return (
    <ActionForm action={closeMeetingAgreementAction} submitLabel={t('close.submit')} pendingLabel={t('saving')} submitClassName={small} className="group space-y-3">
      <Hidden name="caseId" value={caseId} />
      <Hidden name="meetingId" value={meetingId} />
      <Hidden name="agreementId" value={agreement.id} />
      <Hidden name="version" value={agreement.version} />
      <RadioGroup
        name="outcome"
        legend={t('close.outcome')}
        required
        options={[
          { value: 'gedaan', label: t('close.gedaan') },
          { value: 'niet_gedaan', label: t('close.nietGedaan') },
        ]}
      />
      {/* Only "niet gedaan" has a reason: hidden once "gedaan" is chosen (CSS only, so it works without script). */}
      <div className="group-has-[[value=gedaan]:checked]:hidden">
        <RadioGroup
          name="closeReason"
          legend={t('close.reason')}
          options={(['niet_meer_mogelijk', 'niet_uitgevoerd'] as const).map((r) => ({ value: r, label: t(`closeReasons.${r}`) }))}
        />
      </div>
      <TextArea name="closeNote" label={t('close.note')} rows={2} />
    </ActionForm>
  );
}
