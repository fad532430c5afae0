'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import {
  addAgendaItemAction,
  createMeetingAction,
  inviteOrganisationAction,
  moveAgendaItemAction,
  moveItemToNextMeetingAction,
  planNextMeetingAction,
  removeAgendaItemAction,
  rescheduleMeetingAction,
  setAttendanceAction,
  transitionMeetingAction,
} from '@/app/(app)/meetings/actions';
import { ActionForm, useFormAnswer } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import type { ActionState } from '@/lib/forms/action-state';
import { StartEarlyConfirm } from './start-early-confirm';
import { buttonClass } from '@/components/ui/button';
import { cardClass } from '@/components/ui/card';

type Option = { value: string; label: string };
type Action = (state: ActionState | null, formData: FormData) => Promise<ActionState>;

const small = buttonClass({ className: 'mt-3' });
const dangerSmall = buttonClass({ variant: 'danger', className: 'mt-3' });
const secondary = buttonClass({ variant: 'secondary' });

const RECURRENCES = ['geen', 'wekelijks', 'tweewekelijks', 'maandelijks'] as const;
const ATTENDANCE = ['aanwezig', 'afgemeld', 'afwezig'] as const;

/** A group of checkboxes named `<name>.<value>`, kept ticked after an error, with the group's errors. */
function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  checked = [],
}: {
  name: string;
  legend: string;
  hint?: string;
  options: (Option & { detail?: string })[];
  checked?: string[];
}) {
  const { state, idPrefix } = useFormAnswer();
  const errors = state?.fieldErrors?.[name];
  const isChecked = (value: string) => (state?.values ? state.values[`${name}.${value}`] === 'true' : checked.includes(value));
  return (
    <fieldset aria-describedby={errors?.length ? `${idPrefix}${name}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 rounded border border-line bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="checkbox" name={`${name}.${o.value}`} value="true" defaultChecked={isChecked(o.value)} className="mt-0.5 h-4 w-4 shrink-0" />
            <span>
              <span className="block font-medium">{o.label}</span>
              {o.detail ? <span className="block text-xs text-muted">{o.detail}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={`${idPrefix}${name}-error`} className="mt-1 text-sm text-danger">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}

function WhenFields({ value }: { value?: { date: string; startTime: string; endTime: string; location: string; videoUrl: string } }) {
  const t = useTranslations('meetings');
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="date" label={t('form.date')} type="date" defaultValue={value?.date} required />
        <TextField name="startTime" label={t('form.startTime')} type="time" defaultValue={value?.startTime} required />
        <TextField name="endTime" label={t('form.endTime')} type="time" defaultValue={value?.endTime} required />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="location" label={t('form.location')} defaultValue={value?.location} hint={t('form.locationHint')} />
        <TextField name="videoUrl" label={t('form.videoUrl')} type="url" defaultValue={value?.videoUrl} hint={t('form.videoUrlHint')} />
      </div>
    </>
  );
}

export interface ProposalOption extends Option {
  detail: string;
}

export function CreateMeetingForm({
  regisseurs,
  organisations,
  proposals,
  chairUserId,
  kinds,
}: {
  regisseurs: Option[];
  organisations: Option[];
  proposals: ProposalOption[];
  chairUserId: string;
  /** The meeting kinds of the database (db/enums.ts), labelled by the page. */
  kinds: Option[];
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
              options={RECURRENCES.map((r) => ({ value: r, label: t(`recurrences.${r}`) }))}
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
  value: { date: string; startTime: string; endTime: string; location: string; videoUrl: string };
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
}: {
  meetingId: string;
  invitees: { organisationId: string; organisationName: string; attendance: string | null }[];
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
          options={ATTENDANCE.map((a) => ({ value: a, label: t(`attendanceValues.${a}`) }))}
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

/** One button that runs an action on an agenda item (move, remove, to the next meeting), with its error under it. */
export function ItemButton({
  action,
  meetingId,
  itemId,
  label,
  text,
  tone = 'plain',
}: {
  action: 'up' | 'down' | 'remove' | 'next';
  meetingId: string;
  itemId: string;
  label: string;
  text: string;
  tone?: 'plain' | 'danger';
}) {
  const run: Action =
    action === 'remove' ? removeAgendaItemAction : action === 'next' ? moveItemToNextMeetingAction : moveAgendaItemAction;
  const [state, formAction, pending] = useActionState(run, null);
  return (
    <form action={formAction} className="inline-flex flex-col items-start">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="itemId" value={itemId} />
      {action === 'up' || action === 'down' ? <input type="hidden" name="direction" value={action} /> : null}
      <button
        type="submit"
        disabled={pending}
        aria-label={label}
        title={label}
        className={`rounded border px-2 py-1 text-xs font-semibold disabled:opacity-60 ${
          tone === 'danger' ? 'border-danger text-danger hover:bg-danger-50' : 'border-line bg-white text-brand-700 hover:bg-brand-50'
        }`}
      >
        {text}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="mt-1 max-w-56 text-xs text-danger">
          {state.message}
        </span>
      ) : null}
    </form>
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

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
      {label}
    </button>
  );
}
