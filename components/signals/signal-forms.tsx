'use client';

import { useTranslations } from 'next-intl';
import { resolveSignalAction, snoozeSignalAction } from '@/app/(app)/signals/actions';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden, TextArea, TextField } from '@/components/forms/fields';
import { buttonClass } from '@/components/ui/button';

const small = buttonClass({ className: 'mt-3' });
const summary = 'cursor-pointer text-sm font-semibold text-brand-700 hover:underline';

/** Resolve (with a note) and snooze (with a reason and a date), for a regisseur. */
export function SignalActions({
  signalId,
  version,
  returnTo,
  rule,
  compact = false,
}: {
  signalId: string;
  version: number;
  returnTo?: string;
  rule: string;
  /** One line under the signal (the signals page, where a card lists several). */
  compact?: boolean;
}) {
  const t = useTranslations('signals');
  return (
    <div className={compact ? 'ml-auto flex flex-wrap gap-x-4 has-[details[open]]:order-3 has-[details[open]]:ml-0 has-[details[open]]:basis-full' : 'mt-3 grid gap-3 border-t border-line pt-3 sm:grid-cols-2'}>
      <details className={compact ? 'open:basis-full' : undefined}>
        <summary className={summary} aria-label={t('resolveLabel', { rule })}>
          {t('resolve')}
        </summary>
        <ActionForm action={resolveSignalAction} submitLabel={t('resolveSubmit')} pendingLabel={t('pending')} successMessage={t('resolved')} submitClassName={small} className="mt-2 space-y-2">
          <Hidden name="signalId" value={signalId} />
          <Hidden name="version" value={version} />
          {returnTo ? <Hidden name="returnTo" value={returnTo} /> : null}
          <TextArea name="note" label={t('resolveNote')} hint={t('resolveHint')} rows={2} required />
        </ActionForm>
      </details>
      <details className={compact ? 'open:basis-full' : undefined}>
        <summary className={summary} aria-label={t('snoozeLabel', { rule })}>
          {t('snooze')}
        </summary>
        <ActionForm action={snoozeSignalAction} submitLabel={t('snoozeSubmit')} pendingLabel={t('pending')} successMessage={t('snoozed')} submitClassName={small} className="mt-2 space-y-2">
          <Hidden name="signalId" value={signalId} />
          <Hidden name="version" value={version} />
          {returnTo ? <Hidden name="returnTo" value={returnTo} /> : null}
          <TextField name="until" type="date" label={t('snoozeUntil')} hint={t('snoozeHint')} required />
          <TextArea name="reason" label={t('snoozeReasonLabel')} rows={2} required />
        </ActionForm>
      </details>
    </div>
  );
}
