import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { SignalItem } from '@/lib/signals/list-signals';
import { LevelBadge } from './signal-badges';
import { TableBox, thClass as th } from '@/components/ui/table';

const td = 'px-3 py-2 align-top';

/** The stuurgroep report: what is still open once it reached the manager, with a CSV download. */
export async function StuurgroepReport({ items, total }: { items: SignalItem[]; total: number }) {
  const [t, format] = await Promise.all([getTranslations('signals'), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  return (
    <section aria-labelledby="stuurgroep-title">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="stuurgroep-title" className="text-lg font-semibold">
            {t('stuurgroep.title')}
          </h2>
          <p className="max-w-prose text-sm text-muted">{t('stuurgroep.intro')}</p>
        </div>
        {total > 0 ? (
          <a
            href="/api/v1/signals.csv?status=open&minLevel=manager"
            download
            className="rounded border border-brand-600 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50"
          >
            {t('stuurgroep.csv')}
          </a>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white px-6 py-8 text-center text-sm text-muted">{t('stuurgroep.empty')}</p>
      ) : (
        <TableBox>
          <table className="min-w-full divide-y divide-line text-sm" data-testid="stuurgroep-report">
            <caption className="sr-only">{t('stuurgroep.caption', { count: total })}</caption>
            <thead className="bg-canvas">
              <tr>
                <th scope="col" className={th}>{t('csv.case')}</th>
                <th scope="col" className={th}>{t('csv.rule')}</th>
                <th scope="col" className={th}>{t('csv.organisation')}</th>
                <th scope="col" className={th}>{t('csv.level')}</th>
                <th scope="col" className={th}>{t('csv.since')}</th>
                <th scope="col" className={th}>{t('csv.explanation')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {items.map((s) => (
                <tr key={s.id}>
                  <td className={`${td} whitespace-nowrap font-medium`}>
                    {s.caseId && s.caseNumber ? (
                      <Link href={`/cases/${s.caseId}`} className="text-brand-700 underline">
                        {s.caseNumber}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className={td}>{t(`rules.${s.rule}`)}</td>
                  <td className={td}>{s.organisationName ?? '—'}</td>
                  <td className={td}>
                    <LevelBadge level={s.level} label={t(`levels.${s.level}`)} prefix={t('level')} />
                  </td>
                  <td className={`${td} whitespace-nowrap`}>{day(s.since)}</td>
                  <td className={`${td} text-muted`}>{s.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </section>
  );
}
