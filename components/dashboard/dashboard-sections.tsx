import { getFormatter, getTranslations } from 'next-intl/server';
import type { Dashboard } from '@/lib/dashboard/figures';
import { SIGNAL_LEVELS, type SignalFigures } from '@/lib/dashboard/signals';
import { SMALL_CELL, type CaseCount } from '@/lib/dashboard/small-cells';
import { CsvLink } from './csv-link';
import { BarChart } from './bar-chart';
import { TableBox } from '@/components/ui/table';

/*
 * The sections of the dashboard page. Everything here renders on the server and needs no JavaScript;
 * the charts are server-rendered SVG, each next to a table with the same figures.
 */

const th = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-muted';
const thNum = 'px-3 py-2 text-right text-xs font-semibold uppercase tracking-wide text-muted';
const td = 'px-3 py-2';
const tdNum = 'px-3 py-2 text-right tabular-nums';
const card = 'rounded-lg border border-line bg-white p-4';

/** Colours of the chart series: each at least 3:1 against white, and told apart by lightness too. */
const COLOURS = { overdue: '#b42318', withinDue: '#1f5a96', activeCases: '#17497d', newReferrals: '#b45309' };

function SectionHeading({ id, children, action }: { id: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
      <h2 id={id} className="text-lg font-semibold text-ink">
        {children}
      </h2>
      {action}
    </div>
  );
}

/** Why a manager sees "< 5": shown under a section that has a suppressed count. */
async function SmallCellsNote({ counts }: { counts: CaseCount[] }) {
  if (!counts.includes(SMALL_CELL)) return null;
  const t = await getTranslations('dashboard');
  return (
    <p className="mt-3 max-w-prose text-sm text-muted" data-testid="small-cells-note">
      {t('smallCellsNote')}
    </p>
  );
}

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
  const n = (value: CaseCount) => (value === SMALL_CELL ? value : format.number(value));
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
        <SignalsFigure signals={dashboard.signals} />
      </dl>
      <SmallCellsNote counts={[f.activeCases, f.newReferrals, f.triagedCases, f.closedCases]} />
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

export async function PartnerSection({ dashboard, locale }: { dashboard: Dashboard; locale: string }) {
  const [t, format] = await Promise.all([getTranslations('dashboard'), getFormatter()]);
  const { partners, scope } = dashboard;
  const withOpen = partners.filter((p) => p.open > 0);
  const notDone = (value: CaseCount) => (value === SMALL_CELL ? value : format.number(value));
  return (
    <section aria-labelledby="partners-heading" className="mb-10">
      <SectionHeading
        id="partners-heading"
        action={<CsvLink table="partners" scope={scope} label={t('download')} tableName={t('tables.partners')} />}
      >
        {t('partners.heading')}
      </SectionHeading>
      <p className="mb-4 max-w-prose text-sm text-muted">{t('partners.intro')}</p>
      {partners.length === 0 ? (
        <p className={`${card} text-sm text-muted`}>{t('partners.empty')}</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-5">
          <div className="relative overflow-x-auto rounded-lg border border-line bg-white lg:col-span-3" tabIndex={0}>
            <table className="min-w-full divide-y divide-line text-sm" data-testid="partner-table">
              <caption className="sr-only">{t('partners.caption')}</caption>
              <thead className="bg-canvas">
                <tr>
                  <th scope="col" className={th}>{t('partners.organisation')}</th>
                  <th scope="col" className={thNum}>{t('partners.open')}</th>
                  <th scope="col" className={thNum}>{t('partners.overdue')}</th>
                  <th scope="col" className={thNum}>{t('partners.onTime')}</th>
                  <th scope="col" className={thNum}>{t('partners.averageDaysOverdue')}</th>
                  <th scope="col" className={thNum} title={t('partners.notDoneHint')}>{t('partners.notDone')}: {t('partners.noLongerPossible')}</th>
                  <th scope="col" className={thNum} title={t('partners.notDoneHint')}>{t('partners.notDone')}: {t('partners.notCarriedOut')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {partners.map((p) => (
                  <tr key={p.organisationId}>
                    <th scope="row" className={`${td} text-left font-medium`}>{p.name}</th>
                    <td className={tdNum}>{format.number(p.open)}</td>
                    <td className={`${tdNum} ${p.overdue > 0 ? 'font-semibold text-danger' : ''}`}>{format.number(p.overdue)}</td>
                    <td className={tdNum}>
                      {p.onTimePercent === null ? (
                        t('figures.none')
                      ) : (
                        <>
                          {format.number(p.onTimePercent / 100, { style: 'percent' })}{' '}
                          <span className="text-muted">
                            ({p.agreementsOnTime}/{p.agreementsDue})
                          </span>
                        </>
                      )}
                    </td>
                    <td className={tdNum}>
                      {p.averageDaysOverdue === null ? t('figures.none') : format.number(p.averageDaysOverdue, { maximumFractionDigits: 1 })}
                    </td>
                    <td className={tdNum}>{notDone(p.notDoneNoLongerPossible)}</td>
                    <td className={tdNum}>{notDone(p.notDoneNotCarriedOut)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={`${card} lg:col-span-2`}>
            {withOpen.length > 0 ? (
              <BarChart
                title={t('partners.chartTitle')}
                description={t('chart.tableBelow')}
                mode="stacked"
                locale={locale}
                width={400}
                series={[
                  { key: 'overdue', label: t('partners.chartOverdue'), color: COLOURS.overdue },
                  { key: 'withinDue', label: t('partners.chartOpen'), color: COLOURS.withinDue },
                ]}
                rows={withOpen.map((p) => ({ label: p.shortName, values: { overdue: p.overdue, withinDue: p.open - p.overdue } }))}
              />
            ) : (
              <p className="text-sm text-muted">{t('partners.empty')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

export async function MunicipalitySection({ dashboard, locale }: { dashboard: Dashboard; locale: string }) {
  const [t, format] = await Promise.all([getTranslations('dashboard'), getFormatter()]);
  const { municipalities, scope } = dashboard;
  const withCases = municipalities.filter((m) => m.activeCases !== 0 || m.newReferrals !== 0);
  const n = (value: CaseCount) => (value === SMALL_CELL ? value : format.number(value));
  return (
    <section aria-labelledby="municipalities-heading" className="mb-10">
      <SectionHeading
        id="municipalities-heading"
        action={<CsvLink table="municipalities" scope={scope} label={t('download')} tableName={t('tables.municipalities')} />}
      >
        {t('municipalities.heading')}
      </SectionHeading>
      <p className="mb-4 max-w-prose text-sm text-muted">{t('municipalities.intro')}</p>
      <div className={`${card} max-w-4xl`}>
        {withCases.length > 0 ? (
          <BarChart
            title={t('municipalities.chartTitle')}
            description={t('chart.tableBelow')}
            mode="grouped"
            locale={locale}
            series={[
              { key: 'activeCases', label: t('municipalities.activeCases'), color: COLOURS.activeCases },
              { key: 'newReferrals', label: t('municipalities.newReferrals'), color: COLOURS.newReferrals },
            ]}
            rows={withCases.map((m) => ({ label: m.name, values: { activeCases: m.activeCases, newReferrals: m.newReferrals } }))}
          />
        ) : (
          <p className="text-sm text-muted">{t('municipalities.empty')}</p>
        )}
        <details className="mt-4 border-t border-line pt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('municipalities.showTable')}</summary>
          <div className="relative mt-3 overflow-x-auto" tabIndex={0}>
            <table className="min-w-full divide-y divide-line text-sm" data-testid="municipality-table">
              <caption className="sr-only">{t('municipalities.caption')}</caption>
              <thead className="bg-canvas">
                <tr>
                  <th scope="col" className={th}>{t('municipalities.municipality')}</th>
                  <th scope="col" className={thNum}>{t('municipalities.activeCases')}</th>
                  <th scope="col" className={thNum}>{t('municipalities.newReferrals')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {municipalities.map((m) => (
                  <tr key={m.code}>
                    <th scope="row" className={`${td} text-left font-medium`}>{m.name}</th>
                    <td className={tdNum}>{n(m.activeCases)}</td>
                    <td className={tdNum}>{n(m.newReferrals)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <SmallCellsNote counts={municipalities.flatMap((m) => [m.activeCases, m.newReferrals])} />
      </div>
    </section>
  );
}
