import { getFormatter, getTranslations } from 'next-intl/server';
import type { Dashboard } from '@/lib/dashboard/figures';
import { SIGNAL_LEVELS, type SignalFigures } from '@/lib/dashboard/signals';
import { SMALL_CELL, type CaseCount } from '@/lib/dashboard/small-cells';
import { TableBox, tdClass as td, tdNumClass as tdNum, thClass as th, thNumClass as thNum } from '@/components/ui/table';
import { CsvLink } from './csv-link';
import { card, countOf, SectionHeading, SmallCellsNote } from './section-parts';

// The dashboard's key figures and the weekly signal trend (server-rendered, no JavaScript).

function Figure({ label, value, note, tone }: { label: string; value: string; note: string; tone?: 'alert' }) {
  return (
    <div className={`${card} ${tone === 'alert' ? 'border-l-4 border-l-danger' : ''}`}>
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className={`mt-1 text-3xl font-semibold tabular-nums ${tone === 'alert' ? 'text-danger' : 'text-ink'}`}>{value}</dd>
      <dd className="mt-1 text-sm text-muted">{note}</dd>
    </div>
  );
}

async function SignalsFigure({ signals }: { signals: SignalFigures | null }) {
  const t = await getTranslations('dashboard');
  if (!signals) {
    return (
      <div className={card}>
        <dt className="text-sm font-medium text-muted">{t('signals.heading')}</dt>
        <dd className="mt-2 text-base font-semibold text-ink">{t('signals.none')}</dd>
        <dd className="mt-1 text-sm text-muted">{t('signals.noneNote')}</dd>
      </div>
    );
  }
  const total = signals.openByLevel.reduce((sum, entry) => sum + entry.count, 0);
  return (
    <div className={`${card} ${total > 0 ? 'border-l-4 border-l-danger' : ''}`}>
      <dt className="text-sm font-medium text-muted">{t('signals.heading')}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums text-ink">{total}</dd>
      <dd className="mt-1">
        <ul className="text-sm text-muted">
          {SIGNAL_LEVELS.map((level) => (
            <li key={level} className="flex justify-between gap-2">
              <span>{t(`signals.levels.${level}`)}</span>
              <span className="tabular-nums text-ink">{signals.openByLevel.find((e) => e.level === level)?.count ?? 0}</span>
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

export async function KeyFigures({ dashboard }: { dashboard: Dashboard }) {
  const [t, format] = await Promise.all([getTranslations('dashboard'), getFormatter()]);
  const f = dashboard.figures;
  const n = countOf(format);
  const days = (value: number | null) => (value === null ? t('figures.none') : t('figures.days', { days: value }));
  const medianNote = (value: number | null, cases: CaseCount, note: string) =>
    value !== null ? note : cases === SMALL_CELL ? t('figures.withheldNote') : t('figures.noneNote');
  return (
    <section aria-labelledby="figures-heading" className="mb-10">
      <SectionHeading
        id="figures-heading"
        action={<CsvLink table="figures" scope={dashboard.scope} label={t('download')} tableName={t('tables.figures')} />}
      >
        {t('figures.heading')}
      </SectionHeading>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="key-figures">
        <Figure label={t('figures.activeCases')} value={n(f.activeCases)} note={t('figures.activeCasesNote')} />
        <Figure label={t('figures.newReferrals')} value={n(f.newReferrals)} note={t('figures.newReferralsNote')} />
        <Figure label={t('figures.openAgreements')} value={n(f.openAgreements)} note={t('figures.openAgreementsNote')} />
        <Figure
          label={t('figures.overdueAgreements')}
          value={n(f.overdueAgreements)}
          note={t('figures.overdueAgreementsNote')}
          tone={f.overdueAgreements > 0 ? 'alert' : undefined}
        />
        <Figure
          label={t('figures.onTime')}
          value={f.onTimePercent === null ? t('figures.none') : format.number(f.onTimePercent / 100, { style: 'percent' })}
          note={f.agreementsDue ? t('figures.onTimeNote', { onTime: f.agreementsOnTime, due: f.agreementsDue }) : t('figures.onTimeNone')}
        />
        <Figure
          label={t('figures.medianTriage')}
          value={days(f.medianDaysToTriage)}
          note={medianNote(f.medianDaysToTriage, f.triagedCases, t('figures.medianTriageNote'))}
        />
        <Figure
          label={t('figures.medianClosure')}
          value={days(f.medianDaysToClosure)}
          note={medianNote(f.medianDaysToClosure, f.closedCases, t('figures.medianClosureNote'))}
        />
        <Figure label={t('figures.repeatReferrals')} value={n(f.repeatReferrals)} note={t('figures.repeatReferralsNote')} />
        <SignalsFigure signals={dashboard.signals} />
      </dl>
      <SmallCellsNote counts={[f.activeCases, f.newReferrals, f.triagedCases, f.closedCases, f.repeatReferrals]} />
    </section>
  );
}

/** The weekly trend of signals opened and resolved; shown once a signal source supplies it. */
export async function SignalTrend({ signals }: { signals: SignalFigures | null }) {
  // Weeks before the first signal say nothing; the trend starts where the sweep started counting.
  const first = signals?.weekly.findIndex((week) => week.opened > 0 || week.resolved > 0) ?? -1;
  if (!signals || first < 0) return null;
  const weeks = signals.weekly.slice(first);
  const [t, format] = await Promise.all([getTranslations('dashboard'), getFormatter()]);
  return (
    <section aria-labelledby="signals-heading" className="mb-10">
      <SectionHeading id="signals-heading">{t('signals.heading')}</SectionHeading>
      <TableBox>
        <table className="min-w-full divide-y divide-line text-sm">
          <caption className="px-3 py-2 text-left text-sm font-semibold text-ink">{t('signals.trendCaption')}</caption>
          <thead className="bg-canvas">
            <tr>
              <th scope="col" className={th}>{t('signals.week')}</th>
              <th scope="col" className={thNum}>{t('signals.opened')}</th>
              <th scope="col" className={thNum}>{t('signals.resolved')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row" className={`${td} font-medium`}>
                  {format.dateTime(new Date(`${week.weekStart}T12:00:00Z`), { dateStyle: 'medium' })}
                </th>
                <td className={tdNum}>{week.opened}</td>
                <td className={tdNum}>{week.resolved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
    </section>
  );
}
