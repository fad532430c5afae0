import Link from 'next/link';
import type { DashboardScope } from '@/lib/dashboard/query';

type Option = { value: string; label: string };

interface Props {
  scope: DashboardScope;
  labels: Record<'label' | 'from' | 'to' | 'type' | 'municipality' | 'organisation' | 'all' | 'apply' | 'reset', string>;
  types: Option[];
  municipalities: Option[];
  organisations: Option[];
}

const control = 'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-2 py-1.5 text-sm';
const labelClass = 'block text-xs font-semibold uppercase tracking-wide text-muted';

function Select({ name, label, value, options, all }: { name: string; label: string; value?: string; options: Option[]; all: string }) {
  return (
    <div>
      <label htmlFor={`dashboard-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`dashboard-${name}`} name={name} defaultValue={value ?? ''} className={control}>
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

/** A plain GET form: the URL holds the period and every filter, so a view can be bookmarked and shared. */
export function DashboardFilters({ scope, labels, types, municipalities, organisations }: Props) {
  return (
    <form method="get" action="/dashboard" aria-label={labels.label} className="mb-8 rounded-lg border border-line bg-white p-4">
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
        <Select name="type" label={labels.type} value={scope.type} all={labels.all} options={types} />
        <Select name="municipality" label={labels.municipality} value={scope.municipality} all={labels.all} options={municipalities} />
        <Select name="organisation" label={labels.organisation} value={scope.organisation} all={labels.all} options={organisations} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
          {labels.apply}
        </button>
        <Link href="/dashboard" className="text-sm font-medium text-brand-700 underline">
          {labels.reset}
        </Link>
      </div>
    </form>
  );
}
