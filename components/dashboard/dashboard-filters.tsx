import { getTranslations } from 'next-intl/server';
import type { DashboardScope } from '@/lib/dashboard/query';
import { DateFilter } from '@/components/ui/date-filter';
import { Select, type Option } from '@/components/ui/select';
import { cardClass } from '@/components/ui/card';
import { FilterActions } from '@/components/ui/filter-actions';

interface Props {
  scope: DashboardScope;
  labels: Record<'label' | 'from' | 'to' | 'type' | 'municipality' | 'organisation' | 'all' | 'apply' | 'reset', string>;
  types: Option[];
  municipalities: Option[];
  organisations: Option[];
}


/** A plain GET form: the URL holds the period and every filter, so a view can be bookmarked and shared. */
export async function DashboardFilters({ scope, labels, types, municipalities, organisations }: Props) {
  const tForms = await getTranslations('forms');
  return (
    <form method="get" action="/dashboard" aria-label={labels.label} className={cardClass('p-4', 'mb-8')}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <DateFilter id="dashboard-from" name="from" label={labels.from} value={scope.from} format={tForms('datePlaceholder')} />
        <DateFilter id="dashboard-to" name="to" label={labels.to} value={scope.to} format={tForms('datePlaceholder')} />
        <Select id="dashboard-type" name="type" label={labels.type} value={scope.type} all={labels.all} options={types} />
        <Select id="dashboard-municipality" name="municipality" label={labels.municipality} value={scope.municipality} all={labels.all} options={municipalities} />
        <Select id="dashboard-organisation" name="organisation" label={labels.organisation} value={scope.organisation} all={labels.all} options={organisations} />
      </div>
      <FilterActions className="mt-4 flex flex-wrap items-center gap-4" apply={labels.apply} reset={labels.reset} resetHref="/dashboard" />
    </form>
  );
}
