import { getFormatter, getTranslations } from 'next-intl/server';
import type { Dashboard } from '@/lib/dashboard/figures';
import { tdClass as td, tdNumClass as tdNum, thClass as th, thNumClass as thNum } from '@/components/ui/table';
import { CsvLink } from './csv-link';
import { BarChart } from './bar-chart';
import { card, COLOURS, countOf, onTimeShare, SectionHeading, SmallCellsNote } from './section-parts';

/*
 * The sections of the dashboard page. Everything here renders on the server and needs no JavaScript;
 * the charts are server-rendered SVG, each next to a table with the same figures.
 */

export async function PartnerSection({ dashboard, locale }: { dashboard: Dashboard; locale: string }) {
  const [t, format] = await Promise.all([getTranslations('dashboard'), getFormatter()]);
  const { partners, scope } = dashboard;
  const withOpen = partners.filter((p) => p.open > 0);
  const notDone = countOf(format);
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
                      {onTimeShare(p, format, t('figures.none'))}
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
  const n = countOf(format);
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
