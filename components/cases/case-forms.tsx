'use client';

import { useTranslations } from 'next-intl';
import {
  addPartnerAction,
  endPartnerAction,
  setCaseLeadAction,
  transitionAction,
  updateCaseAction,
} from '@/app/(app)/cases/actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, SelectField, TextArea, TextField } from '@/components/forms/fields';
import type { TransitionInput } from '@/lib/cases/schemas';
import { PAUSE_REASONS, TARGET_GROUPS, TRIAGE_DECISIONS } from '@/lib/cases/vocabulary';
import { buttonClass } from '@/components/ui/button';

type Option = { value: string; label: string };
const small = buttonClass({ className: 'mt-3' });

export function TransitionForm({ caseId, version, action }: { caseId: string; version: number; action: TransitionInput['action'] }) {
  const t = useTranslations('case');
  const tCases = useTranslations('cases');
  return (
    <ActionForm action={transitionAction} submitLabel={t(`actions.${action}`)} submitClassName={small} className="space-y-3">
      <Hidden name="caseId" value={caseId} />
      <Hidden name="version" value={version} />
      <Hidden name="action" value={action} />
      {action === 'triage' ? (
        <SelectField
          name="decision"
          label={t('decision')}
          placeholder={t('chooseDecision')}
          options={TRIAGE_DECISIONS.map((d) => ({ value: d, label: tCases(`decisions.${d}`) }))}
          required
        />
      ) : null}
      {action === 'pause' ? (
        <SelectField
          name="pauseReason"
          label={t('pauseReason')}
          placeholder={t('choosePauseReason')}
          options={PAUSE_REASONS.map((r) => ({ value: r, label: tCases(`pauseReasons.${r}`) }))}
          required
        />
      ) : null}
      {action === 'close' ? <TextArea name="result" label={t('result')} required /> : null}
      {action === 'triage' ? <TextArea name="reason" label={t('motivation')} required /> : null}
      {action === 'to_monitoring' || action === 'to_active' || action === 'resume' ? (
        <TextArea name="reason" label={t('explanation')} required />
      ) : null}
    </ActionForm>
  );
}

export function AddPartnerForm({ caseId, organisations }: { caseId: string; organisations: Option[] }) {
  const t = useTranslations('case');
  return (
    <ActionForm action={addPartnerAction} submitLabel={t('convene')} submitClassName={small} className="space-y-3">
      <Hidden name="caseId" value={caseId} />
      <SelectField name="organisationId" label={t('organisation')} placeholder={t('chooseOrganisation')} options={organisations} required />
      <TextArea name="reason" label={t('needToKnow')} rows={2} required />
    </ActionForm>
  );
}

export function EndPartnerForm({ caseId, partnerId, organisation }: { caseId: string; partnerId: string; organisation: string }) {
  const t = useTranslations('case');
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-danger">{t('endLabel', { organisation })}</summary>
      <ActionForm action={endPartnerAction} submitLabel={t('end')} submitClassName={small} className="mt-2 space-y-2">
        <Hidden name="caseId" value={caseId} />
        <Hidden name="partnerId" value={partnerId} />
        <TextField name="reason" label={t('endReason')} required />
      </ActionForm>
    </details>
  );
}

export function CaseLeadForm({ caseId, version, current, candidates }: { caseId: string; version: number; current: string | null; candidates: Option[] }) {
  const t = useTranslations('case');
  return (
    <ActionForm action={setCaseLeadAction} submitLabel={t('saveLead')} submitClassName={small} successMessage={t('saved')}>
      <Hidden name="caseId" value={caseId} />
      <Hidden name="version" value={version} />
      <SelectField name="userId" label={t('lead')} placeholder={t('chooseLead')} options={candidates} defaultValue={current ?? ''} />
    </ActionForm>
  );
}

export interface EditableCase {
  id: string;
  version: number;
  subject: { name: string; birthDate: string; address: string | null };
  municipalityCode: string;
  targetGroup: string;
  reason: string;
  goal: string;
  regisseurId: string | null;
}

export function EditCaseForm({ value, municipalities, regisseurs }: { value: EditableCase; municipalities: Option[]; regisseurs: Option[] }) {
  const t = useTranslations('case');
  const tCases = useTranslations('cases');
  return (
    <ActionForm action={updateCaseAction} submitLabel={t('save')} successMessage={t('saved')} className="space-y-4">
      <Hidden name="caseId" value={value.id} />
      <Hidden name="version" value={value.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="subject.name" label={t('name')} defaultValue={value.subject.name} required />
        <TextField name="subject.birthDate" label={t('birthDate')} type="date" defaultValue={value.subject.birthDate} required />
        <TextField name="subject.address" label={t('address')} defaultValue={value.subject.address ?? ''} />
        <SelectField name="municipalityCode" label={tCases('municipality')} options={municipalities} defaultValue={value.municipalityCode} required />
        <SelectField
          name="targetGroup"
          label={tCases('targetGroup')}
          options={TARGET_GROUPS.map((g) => ({ value: g, label: tCases(`targetGroups.${g}`) }))}
          defaultValue={value.targetGroup}
          required
        />
        <SelectField name="regisseurUserId" label={t('regisseur')} placeholder={t('noRegisseur')} options={regisseurs} defaultValue={value.regisseurId ?? ''} />
      </div>
      <TextArea name="reason" label={t('reason')} defaultValue={value.reason} rows={4} required />
      <TextArea name="goal" label={t('goal')} defaultValue={value.goal} rows={3} required />
    </ActionForm>
  );
}
