import { getFormatter, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { getDashboard } from '@/lib/dashboard/figures';
import { TableBox, tdNumClass as tdNum, thClass as th, thNumClass as thNum } from '@/components/ui/table';
import { countOf, onTimeShare } from './section-parts';

/**
 * For the stuurgroep: per partner organisation the share of agreements done on time and the ones not
 * done, by reason, over the dashboard's default period (the last twelve months). A manager sees small
 * counts as "< 5", as on the dashboard.
 */
export async function PartnerReliability({ actor, now }: { actor: Actor; now?: Date }) {
  const [t, tS, format, dashboard] = await Promise.all([
    getTranslations('dashboard'),
    getTranslations('signals'),
    getFormatter(),
    getDashboard(actor, {}, { now }),
  ]);
  const n = countOf(format);
  const rows = dashboard.partners.filter((p) => p.agreementsDue > 0 || p.notDoneNoLongerPossible !== 0 || p.notDoneNotCarriedOut !== 0);
  return (
    <section aria-labelledby="partner-reliability-title" className="mt-10">
      <h2 id="partner-reliability-title" className="text-lg font-semibold">
        {tS('stuurgroep.partnersTitle')}
      </h2>
      <p className="mb-3 max-w-prose text-sm text-muted">{tS('stuurgroep.partnersIntro')}</p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white px-6 py-6 text-center text-sm text-muted">{t('partners.empty')}</p>
      ) : (
        <TableBox>
          <table className="min-w-full divide-y divide-line text-sm" data-testid="partner-reliability">
            <thead className="bg-canvas">
              <tr>
                <th scope="col" className={th}>{t('partners.organisation')}</th>
                <th scope="col" className={thNum}>{t('partners.onTime')}</th>
                <th scope="col" className={thNum}>{t('partners.notDone')}: {t('partners.noLongerPossible')}</th>
                <th scope="col" className={thNum}>{t('partners.notDone')}: {t('partners.notCarriedOut')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((p) => (
                <tr key={p.organisationId}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">{p.name}</th>
                  <td className={tdNum}>
                    {onTimeShare(p, format, t('figures.none'))}
                  </td>
                  <td className={tdNum}>{n(p.notDoneNoLongerPossible)}</td>
                  <td className={tdNum}>{n(p.notDoneNotCarriedOut)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </section>
  );
}
