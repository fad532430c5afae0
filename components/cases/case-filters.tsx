import Link from 'next/link';
import { CASE_STATUSES, TARGET_GROUPS } from '@/lib/cases/vocabulary';
import type { CaseListQuery } from '@/lib/cases/schemas';
import { SORTS } from '@/lib/cases/schemas';

type Option = { value: string; label: string };

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

const control = 'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-2 py-1.5 text-sm';

function Select({ name, label, value, options, all }: { name: string; label: string; value?: string; options: Option[]; all: string }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-xs font-semibold uppercase tracking-wide text-muted">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''} className={control}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: the URL holds every filter, so a filtered list can be bookmarked and shared. */
export function CaseFilters({ query, labels, statusLabel, targetGroupLabel, sortLabel, municipalities, regisseurs, partners }: Props) {
  return (
    <form method="get" role="search" aria-label={labels.filter} className="mb-6 rounded-lg border border-line bg-white p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="filter-q" className="block text-xs font-semibold uppercase tracking-wide text-muted">
            {labels.search}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={query.q ?? ''} placeholder={labels.searchPlaceholder} className={control} />
        </div>
        <Select name="status" label={labels.status} value={query.status} all={labels.all} options={CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} />
        <Select name="targetGroup" label={labels.targetGroup} value={query.targetGroup} all={labels.all} options={TARGET_GROUPS.map((s) => ({ value: s, label: targetGroupLabel(s) }))} />
        {municipalities ? <Select name="municipality" label={labels.municipality} value={query.municipality} all={labels.all} options={municipalities} /> : null}
        {regisseurs ? <Select name="regisseur" label={labels.regisseur} value={query.regisseur} all={labels.all} options={regisseurs} /> : null}
        {partners ? <Select name="partner" label={labels.partner} value={query.partner} all={labels.all} options={partners} /> : null}
        <Select name="sort" label={labels.sort} value={query.sort} all={sortLabel('updated')} options={SORTS.filter((s) => s !== 'updated').map((s) => ({ value: s, label: sortLabel(s) }))} />
      </div>
      <div className="mt-4 flex items-center gap-3">
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
          {labels.filter}
        </button>
        <Link href="/cases" className="text-sm font-medium text-brand-700 underline">
          {labels.reset}
        </Link>
      </div>
    </form>
  );
}
