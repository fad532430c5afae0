import { getTranslations } from 'next-intl/server';
import { SIGNAL_LEVEL_NAMES, SIGNAL_STATUSES } from '@/lib/signals/levels';
import type { SignalFilterOptions } from '@/lib/signals/list-signals';
import type { SignalListQuery } from '@/lib/signals/schemas';
import { SIGNAL_RULES } from '@/lib/stagnation/signal';
import { FilterActions } from '@/components/ui/filter-actions';

const control = 'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-2 py-1.5 text-sm';
const label = 'block text-xs font-semibold uppercase tracking-wide text-muted';

/** A plain GET form: the URL holds the filters, so a filtered list can be bookmarked and shared. */
export async function SignalFilters({ query, options }: { query: Partial<SignalListQuery>; options: SignalFilterOptions }) {
  const t = await getTranslations('signals');
  const select = (name: string, text: string, value: string | undefined, items: { value: string; label: string }[], allLabel = t('filters.all')) => (
    <div className="min-w-40 flex-1">
      <label htmlFor={`filter-${name}`} className={label}>
        {text}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''} className={control}>
        {allLabel ? <option value="">{allLabel}</option> : null}
        {items.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" role="search" aria-label={t('filters.label')} className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-line bg-white p-4">
      {select('rule', t('filters.rule'), query.rule, SIGNAL_RULES.map((r) => ({ value: r, label: t(`rules.${r}`) })))}
      {select('level', t('filters.level'), query.level, SIGNAL_LEVEL_NAMES.map((l) => ({ value: l, label: t(`levels.${l}`) })))}
      {select('case', t('filters.case'), query.case, options.cases.map((c) => ({ value: c.id, label: c.number })))}
      {select('organisation', t('filters.organisation'), query.organisation, options.organisations.map((o) => ({ value: o.id, label: o.name })))}
      {select('status', t('filters.status'), query.status, SIGNAL_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })), '')}
      <FilterActions className="flex items-center gap-3 pb-0.5" apply={t('filters.apply')} reset={t('filters.reset')} resetHref="/signals" />
    </form>
  );
}
