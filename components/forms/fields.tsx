'use client';

import { useFormAnswer } from './action-form';

const control =
  'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-danger';

function useField(name: string, fallback?: string) {
  const { state, idPrefix } = useFormAnswer();
  const errors = state?.fieldErrors?.[name];
  const value = state?.values?.[name] ?? fallback ?? '';
  const id = `${idPrefix}${name}`;
  return {
    id,
    errors,
    value,
    invalid: Boolean(errors?.length),
    describedBy: errors?.length ? `${id}-error` : undefined,
    hintId: `${id}-hint`,
  };
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-danger">
      {errors.join(' ')}
    </p>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
}

function Label({ id, label, required, hint }: Omit<FieldProps, 'name'> & { id: string }) {
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required ? <span aria-hidden="true" className="text-danger"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </>
  );
}

export function TextField(props: FieldProps & { type?: string; autoComplete?: string; max?: string }) {
  const f = useField(props.name, props.defaultValue);
  return (
    <div>
      <Label {...props} id={f.id} />
      <input
        id={f.id}
        name={props.name}
        type={props.type ?? 'text'}
        defaultValue={f.value}
        required={props.required}
        max={props.max}
        autoComplete={props.autoComplete ?? 'off'}
        aria-invalid={f.invalid}
        aria-describedby={[f.describedBy, props.hint ? f.hintId : undefined].filter(Boolean).join(' ') || undefined}
        className={control}
      />
      <Errors id={f.id} errors={f.errors} />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const f = useField(props.name, props.defaultValue);
  return (
    <div>
      <Label {...props} id={f.id} />
      <textarea
        id={f.id}
        name={props.name}
        rows={props.rows ?? 3}
        defaultValue={f.value}
        required={props.required}
        aria-invalid={f.invalid}
        aria-describedby={[f.describedBy, props.hint ? f.hintId : undefined].filter(Boolean).join(' ') || undefined}
        className={control}
      />
      <Errors id={f.id} errors={f.errors} />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const f = useField(props.name, props.defaultValue);
  return (
    <div>
      <Label {...props} id={f.id} />
      <select
        id={f.id}
        name={props.name}
        defaultValue={f.value}
        required={props.required}
        aria-invalid={f.invalid}
        aria-describedby={[f.describedBy, props.hint ? f.hintId : undefined].filter(Boolean).join(' ') || undefined}
        className={control}
      >
        <option value="">{props.placeholder ?? '—'}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Errors id={f.id} errors={f.errors} />
    </div>
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
      <Errors id={f.id} errors={f.errors} />
    </fieldset>
  );
}

export function Hidden({ name, value }: { name: string; value: string | number }) {
  return <input type="hidden" name={name} value={value} />;
}
