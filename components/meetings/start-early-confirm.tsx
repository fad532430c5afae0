'use client';

import { useTranslations } from 'next-intl';
import { useFormAnswer } from '@/components/forms/action-form';

/**
 * The confirm step of "Overleg starten" more than a day ahead: the server refuses without it (and says
 * when the meeting is planned); then this box appears, the chair ticks it and starts again.
 */
export function StartEarlyConfirm() {
  const t = useTranslations('meetings');
  const { state, idPrefix } = useFormAnswer();
  if (!state?.fieldErrors?.confirmEarly?.length) return null;
  const id = `${idPrefix}confirmEarly`;
  return (
    <label htmlFor={id} className="flex items-start gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <input id={id} type="checkbox" name="confirmEarly" value="true" required className="mt-0.5 h-4 w-4 shrink-0" />
      <span className="font-medium">{t('startEarly.confirm')}</span>
    </label>
  );
}
