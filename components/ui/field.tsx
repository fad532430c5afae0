import type { ReactNode } from 'react';

/** Inputs: `form` in forms that post, `filter` in the compact filter bars above lists. */
export const inputClass = {
  form: 'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-danger',
  filter: 'mt-1 block w-full rounded border border-[#8a96a6] bg-white px-2 py-1.5 text-sm',
};

export const filterLabelClass = 'block text-xs font-semibold uppercase tracking-wide text-muted';

/** What the control inside a Field puts on itself so that a screen reader reads its hint and error with it. */
export interface FieldControl {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

/**
 * A label, an optional hint, the control and its errors, tied together: the control is described by the
 * error (when there is one) and the hint, and marked invalid while it has errors.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  errors?: string[];
  required?: boolean;
  children: (control: FieldControl) => ReactNode;
}) {
  const invalid = Boolean(errors?.length);
  const describedBy = [invalid ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required ? <span aria-hidden="true" className="text-danger"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': invalid, 'aria-describedby': describedBy })}
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm text-danger">
      {errors[0]}
    </p>
  );
}
