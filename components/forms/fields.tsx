'use client';

import { useTranslations } from 'next-intl';
import { Field, FieldErrors, inputClass } from '@/components/ui/field';
import { DATE_FIELDS_KEY, isoToTyped } from '@/lib/forms/typed-date';
import { useFormAnswer } from './action-form';

const control = inputClass.form;

function useField(name: string, fallback?: string) {
  const { state, idPrefix } = useFormAnswer();
  const errors = state?.fieldErrors?.[name];
  const value = state?.values?.[name] ?? fallback ?? '';
  const id = `${idPrefix}${name}`;
  return { id, errors, value, invalid: Boolean(errors?.length), describedBy: errors?.length ? `${id}-error` : undefined };
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
}

export function TextField(props: FieldProps & { type?: string; autoComplete?: string; max?: string }) {
  const f = useField(props.name, props.defaultValue);
  if (props.type === 'date') return <DateField {...props} />;
  return (
    <Field id={f.id} label={props.label} hint={props.hint} errors={f.errors} required={props.required}>
      {(aria) => (
        <input
          {...aria}
          name={props.name}
          type={props.type ?? 'text'}
          defaultValue={f.value}
          required={props.required}
          max={props.max}
          autoComplete={props.autoComplete ?? 'off'}
          className={control}
        />
      )}
    </Field>
  );
}

/**
 * A date typed as day-month-year in a plain text box: a browser's own date input shows month/day/year when
 * its language is English, whatever the page says. The form turns it into an ISO date (lib/forms/typed-date).
 */
function DateField(props: FieldProps) {
  const t = useTranslations('forms');
  const f = useField(props.name, props.defaultValue);
  const hint = props.hint ? `${t('dateFormat')} ${props.hint}` : t('dateFormat');
  return (
    <Field id={f.id} label={props.label} hint={hint} errors={f.errors} required={props.required}>
      {(aria) => (
        <>
          <input
            {...aria}
            name={props.name}
            type="text"
            inputMode="numeric"
            defaultValue={isoToTyped(f.value)}
            required={props.required}
            autoComplete="off"
            className={`${control} max-w-40`}
          />
          <input type="hidden" name={DATE_FIELDS_KEY} value={props.name} />
        </>
      )}
    </Field>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const f = useField(props.name, props.defaultValue);
  return (
    <Field id={f.id} label={props.label} hint={props.hint} errors={f.errors} required={props.required}>
      {(aria) => <textarea {...aria} name={props.name} rows={props.rows ?? 3} defaultValue={f.value} required={props.required} className={control} />}
    </Field>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const f = useField(props.name, props.defaultValue);
  return (
    <Field id={f.id} label={props.label} hint={props.hint} errors={f.errors} required={props.required}>
      {(aria) => (
        <select {...aria} name={props.name} defaultValue={f.value} required={props.required} className={control}>
          <option value="">{props.placeholder ?? '—'}</option>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function YesNoField(props: FieldProps & { yes: string; no: string }) {
  const f = useField(props.name, props.defaultValue);
  return (
    <fieldset aria-describedby={f.describedBy} aria-invalid={f.invalid}>
      <legend className="text-sm font-medium">
        {props.label}
        {props.required ? <span aria-hidden="true" className="text-danger"> *</span> : null}
      </legend>
      <div className="mt-1 flex gap-6">
        {(['true', 'false'] as const).map((v) => (
          <label key={v} className="inline-flex items-center gap-2 text-sm">
            <input type="radio" name={props.name} value={v} defaultChecked={f.value === v} className="h-4 w-4" />
            {v === 'true' ? props.yes : props.no}
          </label>
        ))}
      </div>
      <FieldErrors id={f.id} errors={f.errors} />
    </fieldset>
  );
}

export function Hidden({ name, value }: { name: string; value: string | number }) {
  return <input type="hidden" name={name} value={value} />;
}
