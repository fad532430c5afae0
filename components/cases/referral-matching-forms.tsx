'use client';

import { useTranslations } from 'next-intl';
import { continueReferralAction, mergeReferralAction, undoMergeAction } from '@/app/(app)/cases/actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, TextArea } from '@/components/forms/fields';
import { buttonClass } from '@/components/ui/button';

const small = buttonClass({ className: 'mt-2' });

export function MergeReferralForm({ caseId, version, into }: { caseId: string; version: number; into: { id: string; number: string } }) {
  const t = useTranslations('case.matching');
  return (
    <ActionForm action={mergeReferralAction} submitLabel={t('mergeSubmit')} submitClassName={small} className="space-y-2">
      <Hidden name="caseId" value={caseId} />
      <Hidden name="version" value={version} />
      <Hidden name="intoCaseId" value={into.id} />
      <TextArea name="reason" label={t('mergeReason', { number: into.number })} rows={2} required />
    </ActionForm>
  );
}

export function UndoMergeForm({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations('case.matching');
  return (
    <ActionForm action={undoMergeAction} submitLabel={t('undo')} submitClassName={buttonClass({ variant: 'secondary', className: 'mt-2' })}>
      <Hidden name="caseId" value={caseId} />
      <Hidden name="version" value={version} />
    </ActionForm>
  );
}

export function ContinueReferralForm({ caseId, version }: { caseId: string; version: number }) {
  const t = useTranslations('case.matching');
  return (
    <ActionForm action={continueReferralAction} submitLabel={t('continueSubmit')} submitClassName={small} className="space-y-2">
      <Hidden name="caseId" value={caseId} />
      <Hidden name="version" value={version} />
      <TextArea name="reason" label={t('continueReason')} rows={2} required />
    </ActionForm>
  );
}
