'use client';

import { useTranslations } from 'next-intl';
import { createMeetingAction } from '@/app/(app)/meetings/actions';
import { ActionForm } from '@/components/forms/action-form';
import { CheckboxGroup } from '@/components/forms/checkbox-group';
import { SelectField, TextField } from '@/components/forms/fields';
import { cardClass } from '@/components/ui/card';
import { WhenFields } from './when-fields';

type Option = { value: string; label: string };

export interface ProposalOption extends Option {
  detail: string;
}

export function CreateMeetingForm({
  regisseurs,
  organisations,
  proposals,
  chairUserId,
  kinds,
  recurrences,
}: {
  regisseurs: Option[];
  organisations: Option[];
  proposals: ProposalOption[];
  chairUserId: string;
  /** The meeting kinds and recurrences of the database (db/enums.ts), labelled by the page. */
  kinds: Option[];
  recurrences: Option[];
}) {
  const t = useTranslations('meetings');
  const section = cardClass('p-5');
  const heading = 'mb-3 text-base font-semibold';
  return (
    <ActionForm action={createMeetingAction} submitLabel={t('form.create')} pendingLabel={t('form.creating')} errorTitle={t('form.errorTitle')} className="space-y-6">
      <fieldset className={section}>
        <legend className={heading}>{t('form.meetingSection')}</legend>
        <div className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="title" label={t('form.title')} defaultValue={t('form.titleDefault')} required />
            <SelectField
              name="kind"
              label={t('form.kind')}
              options={kinds}
              defaultValue="casusoverleg"
              placeholder={t('form.chooseKind')}
              required
            />
          </div>
          <WhenFields />
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField name="chairUserId" label={t('form.chair')} options={regisseurs} defaultValue={chairUserId} placeholder={t('form.choosePerson')} required />
            <SelectField name="minuteTakerUserId" label={t('form.minuteTaker')} options={regisseurs} placeholder={t('form.nobody')} />
            <SelectField
              name="recurrence"
              label={t('form.recurrence')}
              options={recurrences}
              defaultValue="geen"
              placeholder={t('form.chooseRecurrence')}
            />
          </div>
        </div>
      </fieldset>
      <fieldset className={section}>
        <legend className={heading}>{t('form.inviteSection')}</legend>
        <CheckboxGroup name="invitedOrganisationIds" legend={t('form.organisations')} hint={t('form.organisationsHint')} options={organisations} />
      </fieldset>
      <fieldset className={section}>
        <legend className={heading}>{t('form.casesSection')}</legend>
        {proposals.length === 0 ? (
          <p className="text-sm text-muted">{t('form.noProposals')}</p>
        ) : (
          <CheckboxGroup name="caseIds" legend={t('form.proposals')} hint={t('form.proposalsHint')} options={proposals} />
        )}
      </fieldset>
    </ActionForm>
  );
}
