import { getFormatter, getTranslations } from 'next-intl/server';
import type { DataSubjectRequestFigures } from '@/lib/dashboard/data-subject-requests';
import { card, countOf, SectionHeading } from './section-parts';

/** The WGS contact point's line: requests received in the period, open, answered in time, overdue. */
export async function DataSubjectRequestLine({ figures }: { figures: DataSubjectRequestFigures }) {
  const [t, format] = await Promise.all([getTranslations('dataSubjectRequests.dashboard'), getFormatter()]);
  const n = countOf(format);
  const overdue = figures.overdue !== 0;
  return (
    <section aria-labelledby="dsr-figures-heading" className="mb-10">
      <SectionHeading id="dsr-figures-heading">{t('title')}</SectionHeading>
      <dl className="grid gap-4 sm:grid-cols-3" data-testid="dsr-figures">
        <div className={card}>
          <dt className="text-sm font-medium text-muted">{t('open')}</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums text-ink">{n(figures.open)}</dd>
        </div>
        <div className={card}>
          <dt className="text-sm font-medium text-muted">{t('answeredInTime')}</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums text-ink">{n(figures.answeredInTime)}</dd>
        </div>
        <div className={`${card} ${overdue ? 'border-l-4 border-l-danger' : ''}`}>
          <dt className="text-sm font-medium text-muted">{t('overdue')}</dt>
          <dd className={`mt-1 text-3xl font-semibold tabular-nums ${overdue ? 'text-danger' : 'text-ink'}`}>{n(figures.overdue)}</dd>
        </div>
      </dl>
    </section>
  );
}
