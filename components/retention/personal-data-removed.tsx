import { getFormatter, getTranslations } from 'next-intl/server';

/** In place of the subject's data once the retention term removed it. */
export async function PersonalDataRemovedNotice({ at }: { at: Date }) {
  const [t, format] = await Promise.all([getTranslations('retention'), getFormatter()]);
  return (
    <p className="mb-4 rounded border border-line bg-brand-50 px-3 py-2 text-sm" data-testid="personal-data-removed">
      <strong className="block">{t('removedNotice', { date: format.dateTime(at, { dateStyle: 'long' }) })}</strong>
      {t('removedExplanation')}
    </p>
  );
}
