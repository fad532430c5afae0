'use client';

import { useTranslations } from 'next-intl';
import { answerTaskAction, combinedAnswerAction, extendTermAction } from '@/app/(app)/data-subject-requests/actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { buttonClass } from '@/components/ui/button';

const submit = buttonClass({ className: 'mt-3' });

/** The contact point's one extension of the term, with a reason. */
export function ExtendTermForm({ requestId, version, latest }: { requestId: string; version: number; latest: string }) {
  const t = useTranslations('dataSubjectRequests.extend');
  return (
    <ActionForm action={extendTermAction} submitLabel={t('submit')} pendingLabel={t('submitting')} submitClassName={submit} className="space-y-3">
      <p className="text-sm text-muted">{t('hint', { latest })}</p>
      <Hidden name="requestId" value={requestId} />
      <Hidden name="version" value={version} />
      <SelectField name="months" label={t('months')} required options={[{ value: '1', label: t('oneMonth') }, { value: '2', label: t('twoMonths') }]} />
      <TextArea name="reason" label={t('reason')} rows={2} required />
    </ActionForm>
  );
}

/** The one combined answer the contact point sent, which closes the request. */
export function CombinedAnswerForm({ requestId, version }: { requestId: string; version: number }) {
  const t = useTranslations('dataSubjectRequests.combine');
  return (
    <ActionForm action={combinedAnswerAction} submitLabel={t('submit')} pendingLabel={t('submitting')} submitClassName={submit} className="space-y-3">
      <p className="text-sm text-muted">{t('hint')}</p>
      <Hidden name="requestId" value={requestId} />
      <Hidden name="version" value={version} />
      <TextArea name="answerText" label={t('answerText')} rows={5} required />
      <TextField name="answeredOn" type="date" label={t('answeredOn')} required />
    </ActionForm>
  );
}

/** A partner's answer to its part: a short text, or "geen gegevens". */
export function AnswerTaskForm({ taskId, version }: { taskId: string; version: number }) {
  const t = useTranslations('dataSubjectRequests.task');
  return (
    <ActionForm action={answerTaskAction} submitLabel={t('submit')} pendingLabel={t('submitting')} successMessage={t('sent')} submitClassName={submit} className="space-y-3">
      <Hidden name="taskId" value={taskId} />
      <Hidden name="version" value={version} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="noData" value="true" className="mt-0.5 h-4 w-4 shrink-0" />
        <span>{t('noData')}</span>
      </label>
      <TextArea name="answer" label={t('answer')} hint={t('answerHint')} rows={4} />
    </ActionForm>
  );
}
