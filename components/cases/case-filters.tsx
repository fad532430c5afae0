import { CASE_STATUSES, TARGET_GROUPS } from '@/lib/cases/vocabulary';
import type { CaseListQuery } from '@/lib/cases/schemas';
import { SORTS } from '@/lib/cases/schemas';
import { inputClass } from '@/components/ui/field';
import { Select, type Option } from '@/components/ui/select';
import { cardClass } from '@/components/ui/card';
import { FilterActions } from '@/components/ui/filter-actions';

interface Props {
  query: CaseListQuery;
  labels: Record<
    'filter' | 'search' | 'searchPlaceholder' | 'status' | 'targetGroup' | 'municipality' | 'regisseur' | 'partner' | 'all' | 'reset' | 'sort',
    string
  >;
  statusLabel: (s: string) => string;
  targetGroupLabel: (s: string) => string;
  sortLabel: (s: string) => string;
  municipalities?: Option[];
  regisseurs?: Option[];
  partners?: Option[];
}

const control = inputClass.filter;

/** A plain GET form: the URL holds every filter, so a filtered list can be bookmarked and shared. */
export function CaseFilters({ query, labels, statusLabel, targetGroupLabel, sortLabel, municipalities, regisseurs, partners }: Props) {
  return (
    <form method="get" role="search" aria-label={labels.filter} className={cardClass('p-4', 'mb-6')}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="filter-q" className="block text-xs font-semibold uppercase tracking-wide text-muted">
            {labels.search}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={query.q ?? ''} placeholder={labels.searchPlaceholder} className={control} />
        </div>
        <Select id="filter-status" name="status" label={labels.status} value={query.status} all={labels.all} options={CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} />
        <Select id="filter-targetGroup" name="targetGroup" label={labels.targetGroup} value={query.targetGroup} all={labels.all} options={TARGET_GROUPS.map((s) => ({ value: s, label: targetGroupLabel(s) }))} />
        {municipalities ? <Select id="filter-municipality" name="municipality" label={labels.municipality} value={query.municipality} all={labels.all} options={municipalities} /> : null}
        {regisseurs ? <Select id="filter-regisseur" name="regisseur" label={labels.regisseur} value={query.regisseur} all={labels.all} options={regisseurs} /> : null}
        {partners ? <Select id="filter-partner" name="partner" label={labels.partner} value={query.partner} all={labels.all} options={partners} /> : null}
        <Select id="filter-sort" name="sort" label={labels.sort} value={query.sort} all={sortLabel('updated')} options={SORTS.filter((s) => s !== 'updated').map((s) => ({ value: s, label: sortLabel(s) }))} />
      </div>
      <FilterActions className="mt-4 flex items-center gap-3" apply={labels.filter} reset={labels.reset} resetHref="/cases" />
    </form>
  );
}
