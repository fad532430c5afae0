import type { DashboardScope } from '@/lib/dashboard/query';
import { filterLabelClass, inputClass } from '@/components/ui/field';
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

const control = inputClass.filter;
const labelClass = filterLabelClass;

/** A plain GET form: the URL holds the period and every filter, so a view can be bookmarked and shared. */
export function DashboardFilters({ scope, labels, types, municipalities, organisations }: Props) {
  return (
    <form method="get" action="/dashboard" aria-label={labels.label} className={cardClass('p-4', 'mb-8')}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <div>
          <label htmlFor="dashboard-from" className={labelClass}>
            {labels.from}
          </label>
          <input id="dashboard-from" name="from" type="date" defaultValue={scope.from} className={control} />
        </div>
        <div>
          <label htmlFor="dashboard-to" className={labelClass}>
            {labels.to}
          </label>
          <input id="dashboard-to" name="to" type="date" defaultValue={scope.to} className={control} />
        </div>
        <Select id="dashboard-type" name="type" label={labels.type} value={scope.type} all={labels.all} options={types} />
        <Select id="dashboard-municipality" name="municipality" label={labels.municipality} value={scope.municipality} all={labels.all} options={municipalities} />
        <Select id="dashboard-organisation" name="organisation" label={labels.organisation} value={scope.organisation} all={labels.all} options={organisations} />
      </div>
      <FilterActions className="mt-4 flex flex-wrap items-center gap-4" apply={labels.apply} reset={labels.reset} resetHref="/dashboard" />
    </form>
  );
}
