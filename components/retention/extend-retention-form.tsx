'use client';

import { useTranslations } from 'next-intl';
import { extendRetentionAction } from '@/app/(app)/cases/retention-actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, TextArea } from '@/components/forms/fields';
import { buttonClass } from '@/components/ui/button';

const small = buttonClass({ className: 'mt-3' });

/** The regisseur's one extension of a case's retention term; the reason is required. */
export function ExtendRetentionForm({ caseId, version, years }: { caseId: string; version: number; years: number }) {
  const t = useTranslations('retention');
  return (
    <ActionForm action={extendRetentionAction} submitLabel={t('extend')} pendingLabel={t('extending')} submitClassName={small} className="space-y-3">
      <Hidden name="caseId" value={caseId} />
      <Hidden name="version" value={version} />
      <TextArea name="reason" label={t('reason')} hint={t('reasonHint', { years })} rows={3} required />
    </ActionForm>
  );
}
