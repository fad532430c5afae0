import { getTranslations } from 'next-intl/server';
import { AGREEMENT_STATUSES, type MyAgreementsQuery } from '@/lib/agreements/schemas';
import { FilterActions } from '@/components/ui/filter-actions';

const control = 'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-2 py-1.5 text-sm';
const label = 'block text-xs font-semibold uppercase tracking-wide text-muted';

/** A plain GET form: the URL holds the filters, so a filtered list can be bookmarked and shared. */
export async function AgreementFilters({ query, path, withOwner }: { query: MyAgreementsQuery; path: string; withOwner: boolean }) {
  const t = await getTranslations('agreements');
  return (
    <form method="get" role="search" aria-label={t('filters.label')} className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-white p-4">
      {withOwner ? (
        <div className="min-w-48">
          <label htmlFor="filter-owner" className={label}>
            {t('filters.owner')}
          </label>
          <select id="filter-owner" name="owner" defaultValue={query.owner ?? ''} className={control}>
            <option value="">{t('filters.ownerOrg')}</option>
            <option value="me">{t('filters.ownerMe')}</option>
          </select>
        </div>
      ) : null}
      <div className="min-w-48">
        <label htmlFor="filter-status" className={label}>
          {t('filters.status')}
        </label>
        <select id="filter-status" name="status" defaultValue={query.status ?? ''} className={control}>
          <option value="">{t('filters.all')}</option>
          {AGREEMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="inline-flex items-center gap-2 pb-2 text-sm">
        <input type="checkbox" name="overdue" value="true" defaultChecked={query.overdue === 'true'} className="h-4 w-4" />
        {t('filters.overdueOnly')}
      </label>
      <FilterActions className="flex items-center gap-3 pb-0.5" apply={t('filters.apply')} reset={t('filters.reset')} resetHref={path} />
    </form>
  );
}
