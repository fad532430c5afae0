import { filterLabelClass, inputClass } from './field';
import { isoToTyped } from '@/lib/forms/typed-date';

/**
 * A date in a filter bar, typed as day-month-year (the browser's own date input shows month/day/year in an
 * English browser, whatever the page's language); the query schema reads it as an ISO date.
 */
export function DateFilter({ id, name, label, value, format, labelClassName = filterLabelClass }: { id: string; name: string; label: string; value?: string; format: string; labelClassName?: string }) {
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input id={id} name={name} type="text" inputMode="numeric" placeholder={format} defaultValue={isoToTyped(value ?? '')} autoComplete="off" className={inputClass.filter} />
    </div>
  );
}
