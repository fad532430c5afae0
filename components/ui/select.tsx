import { filterLabelClass, inputClass } from './field';

export type Option = { value: string; label: string };

/**
 * A filter of a GET form: a small caps label over a select whose first choice, "all", sends an empty value,
 * so the URL holds only the filters that are set.
 */
export function Select({ id, name, label, value, options, all }: { id: string; name: string; label: string; value?: string; options: Option[]; all: string }) {
  return (
    <div>
      <label htmlFor={id} className={filterLabelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''} className={inputClass.filter}>
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
