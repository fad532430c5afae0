'use client';

import { useFormAnswer } from '@/components/forms/action-form';

type Option = { value: string; label: string };

/** A group of checkboxes named `<name>.<value>`, kept ticked after an error, with the group's errors. */
export function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  checked = [],
}: {
  name: string;
  legend: string;
  hint?: string;
  options: (Option & { detail?: string })[];
  checked?: string[];
}) {
  const { state, idPrefix } = useFormAnswer();
  const errors = state?.fieldErrors?.[name];
  const isChecked = (value: string) => (state?.values ? state.values[`${name}.${value}`] === 'true' : checked.includes(value));
  return (
    <fieldset aria-describedby={errors?.length ? `${idPrefix}${name}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 rounded border border-line bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="checkbox" name={`${name}.${o.value}`} value="true" defaultChecked={isChecked(o.value)} className="mt-0.5 h-4 w-4 shrink-0" />
            <span>
              <span className="block font-medium">{o.label}</span>
              {o.detail ? <span className="block text-xs text-muted">{o.detail}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={`${idPrefix}${name}-error`} className="mt-1 text-sm text-danger">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}
