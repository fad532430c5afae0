'use client';

import { useTranslations } from 'next-intl';
import {
  addAgendaItemAction,
  inviteOrganisationAction,
  planNextMeetingAction,
  rescheduleMeetingAction,
  setAttendanceAction,
  transitionMeetingAction,
} from '@/app/(app)/meetings/actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import { buttonClass } from '@/components/ui/button';
import { StartEarlyConfirm } from './start-early-confirm';
import { WhenFields, type MeetingWhen } from './when-fields';

type Option = { value: string; label: string };

const small = buttonClass({ className: 'mt-3' });
const dangerSmall = buttonClass({ variant: 'danger', className: 'mt-3' });
const secondary = buttonClass({ variant: 'secondary' });

export function TransitionForm({ meetingId, version, action }: { meetingId: string; version: number; action: 'plan' | 'start' | 'finish' | 'cancel' | 'reopen' }) {
  const t = useTranslations('meetings');
  const needsReason = action === 'cancel' || action === 'reopen';
  return (
    <ActionForm
      action={transitionMeetingAction}
      submitLabel={t(`actions.${action}`)}
      submitClassName={action === 'cancel' ? dangerSmall : small}
      className="space-y-3"
    >
      <Hidden name="meetingId" value={meetingId} />
      <Hidden name="version" value={version} />
      <Hidden name="action" value={action} />
      {needsReason ? <TextArea name="reason" label={t(`actions.${action}Reason`)} rows={2} required /> : null}
      {action === 'plan' ? <p className="text-xs text-muted">{t('actions.planHint')}</p> : null}
      {action === 'start' ? <StartEarlyConfirm /> : null}
    </ActionForm>
  );
}

export function RescheduleForm({
  meetingId,
  version,
  value,
}: {
  meetingId: string;
  version: number;
  value: MeetingWhen;
}) {
  const t = useTranslations('meetings');
  return (
    <ActionForm action={rescheduleMeetingAction} submitLabel={t('reschedule.submit')} submitClassName={small} successMessage={t('reschedule.saved')} className="space-y-3">
      <Hidden name="meetingId" value={meetingId} />
      <Hidden name="version" value={version} />
      <WhenFields value={value} />
    </ActionForm>
  );
}

export function AttendanceForm({
  meetingId,
  invitees,
  choices,
}: {
  meetingId: string;
  invitees: { organisationId: string; organisationName: string; attendance: string | null }[];
  /** The attendance values of the database (db/enums.ts), labelled by the page. */
  choices: Option[];
}) {
  const t = useTranslations('meetings');
  return (
    <ActionForm action={setAttendanceAction} submitLabel={t('attendance.save')} submitClassName={small} successMessage={t('attendance.saved')} className="space-y-3">
      <Hidden name="meetingId" value={meetingId} />
      {invitees.map((i) => (
        <SelectField
          key={i.organisationId}
          name={`attendance.${i.organisationId}`}
          label={i.organisationName}
          options={choices}
          defaultValue={i.attendance ?? ''}
          placeholder={t('attendance.unknown')}
        />
      ))}
    </ActionForm>
  );
}

export function InviteForm({ meetingId, organisations }: { meetingId: string; organisations: Option[] }) {
  const t = useTranslations('meetings');
  return (
    <ActionForm action={inviteOrganisationAction} submitLabel={t('invite.submit')} submitClassName={small} className="space-y-3">
      <Hidden name="meetingId" value={meetingId} />
      <SelectField name="organisationId" label={t('invite.organisation')} options={organisations} placeholder={t('invite.choose')} required />
    </ActionForm>
  );
}

export function AddItemForm({ meetingId, cases, presenters }: { meetingId: string; cases: Option[]; presenters: Option[] }) {
  const t = useTranslations('meetings');
  return (
    <ActionForm action={addAgendaItemAction} submitLabel={t('addItem.submit')} submitClassName={small} className="space-y-3">
      <Hidden name="meetingId" value={meetingId} />
      <p className="text-sm text-muted">{t('addItem.intro')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="caseId" label={t('addItem.case')} options={cases} placeholder={t('addItem.chooseCase')} />
        <TextField name="topic" label={t('addItem.topic')} hint={t('addItem.topicHint')} />
        <TextField name="durationMinutes" label={t('addItem.duration')} type="number" defaultValue="15" required />
        <SelectField name="presenterUserId" label={t('addItem.presenter')} options={presenters} placeholder={t('form.nobody')} />
      </div>
    </ActionForm>
  );
}

export function PlanNextForm({ meetingId }: { meetingId: string }) {
  const t = useTranslations('meetings');
  return (
    <ActionForm action={planNextMeetingAction} submitLabel={t('series.planNext')} submitClassName={secondary}>
      <Hidden name="meetingId" value={meetingId} />
    </ActionForm>
  );
}

