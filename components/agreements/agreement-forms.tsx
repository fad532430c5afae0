'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { createAgreementAction, updateAgreementAction } from '@/app/(app)/agreements/actions';
import { ActionForm, useFormAnswer } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { buttonClass } from '@/components/ui/button';
import { isFinishedAgreement } from '@/lib/agreements/statuses';

type Option = { value: string; label: string };
const small = buttonClass({ className: 'mt-3' });
const control =
  'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-danger';

/** The owning organisation and, optionally, one of its professionals: the second list follows the first. */
export function OwnerFields({
  organisations,
  professionals,
  initial,
}: {
  organisations: Option[];
  professionals: (Option & { organisationId: string })[];
  /** The owner as it stands, when changing an agreement. */
  initial?: { organisationId: string; userId: string | null };
}) {
  const t = useTranslations('agreements');
  const { state, idPrefix } = useFormAnswer();
  const [organisation, setOrganisation] = useState(state?.values?.ownerOrganisationId ?? initial?.organisationId ?? '');
  const people = professionals.filter((p) => p.organisationId === organisation);
  const orgId = `${idPrefix}ownerOrganisationId`;
  const userId = `${idPrefix}ownerUserId`;
  const orgErrors = state?.fieldErrors?.ownerOrganisationId;
  const userErrors = state?.fieldErrors?.ownerUserId;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor={orgId} className="block text-sm font-medium">
          {t('ownerOrganisation')}
          <span aria-hidden="true" className="text-danger"> *</span>
        </label>
        <select
          id={orgId}
          name="ownerOrganisationId"
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
          required
          aria-invalid={Boolean(orgErrors?.length)}
          aria-describedby={orgErrors?.length ? `${orgId}-error` : undefined}
          className={control}
        >
          <option value="">{t('chooseOrganisation')}</option>
          {organisations.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {orgErrors?.length ? (
          <p id={`${orgId}-error`} className="mt-1 text-sm text-danger">
            {orgErrors[0]}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={userId} className="block text-sm font-medium">
          {t('ownerUser')}
        </label>
        <select
          id={userId}
          name="ownerUserId"
          key={organisation}
          defaultValue={
            state?.values?.ownerOrganisationId === organisation
              ? (state?.values?.ownerUserId ?? '')
              : !state?.values && initial?.organisationId === organisation
                ? (initial.userId ?? '')
                : ''
          }
          disabled={people.length === 0}
          aria-invalid={Boolean(userErrors?.length)}
          aria-describedby={[`${userId}-hint`, userErrors?.length ? `${userId}-error` : null].filter(Boolean).join(' ')}
          className={`${control} disabled:bg-canvas disabled:text-muted`}
        >
          <option value="">{t('noOwnerUser')}</option>
          {people.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        <p id={`${userId}-hint`} className="mt-1 text-xs text-muted">
          {t('ownerUserHint')}
        </p>
        {userErrors?.length ? (
          <p id={`${userId}-error`} className="mt-1 text-sm text-danger">
            {userErrors[0]}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function CreateAgreementForm({
  caseId,
  organisations,
  professionals,
  today,
}: {
  caseId: string;
  organisations: Option[];
  professionals: (Option & { organisationId: string })[];
  today: string;
}) {
  const t = useTranslations('agreements');
  const format = useFormatter();
  const todayLabel = format.dateTime(new Date(`${today}T12:00:00Z`), { dateStyle: 'long' });
  return (
    <ActionForm action={createAgreementAction} submitLabel={t('create')} pendingLabel={t('saving')} successMessage={t('created')} submitClassName={small} className="space-y-4">
      <Hidden name="caseId" value={caseId} />
      <TextArea name="description" label={t('description')} rows={2} required />
      <OwnerFields organisations={organisations} professionals={professionals} />
      <div className="sm:w-1/2">
        <TextField name="dueDate" label={t('dueDate')} type="date" required hint={t('dueDateHint', { today: todayLabel })} />
      </div>
    </ActionForm>
  );
}

export function EditAgreementForm({
  caseId,
  agreement,
}: {
  caseId: string;
  agreement: { id: string; description: string; status: string; version: number };
}) {
  const t = useTranslations('agreements');
  return (
    <ActionForm action={updateAgreementAction} submitLabel={t('save')} pendingLabel={t('saving')} successMessage={t('updated')} submitClassName={small} className="space-y-3">
      <Hidden name="caseId" value={caseId} />
      <Hidden name="agreementId" value={agreement.id} />
      <Hidden name="version" value={agreement.version} />
      <TextArea name="description" label={t('descriptionEdit')} defaultValue={agreement.description} rows={2} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="dueDate" label={t('newDueDate')} type="date" hint={t('newDueDateHint')} />
        <SelectField
          name="status"
          label={t('statusLabel')}
          placeholder={t('statusUnchanged', { status: t(`statuses.${agreement.status}`) })}
          options={(['open', 'niet_nagekomen', 'vervallen'] as const)
            // Reopening is for a finished agreement; one in progress is open already.
            .filter((s) => s !== agreement.status && (s !== 'open' || isFinishedAgreement(agreement.status)))
            .map((s) => ({ value: s, label: t(`setStatus.${s}`) }))}
        />
      </div>
      <SelectField
        name="closeReason"
        label={t('closeReasonLabel')}
        hint={t('closeReasonHint')}
        placeholder={t('closeReasonNone')}
        options={(['niet_meer_mogelijk', 'niet_uitgevoerd'] as const).map((r) => ({ value: r, label: t(`closeReasons.${r}`) }))}
      />
      <TextArea name="dueDateReason" label={t('dueDateReason')} rows={2} hint={t('dueDateReasonHint')} />
    </ActionForm>
  );
}
