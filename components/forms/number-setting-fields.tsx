'use client';

import { TextField } from '@/components/forms/fields';

/** Whole-number settings side by side, each named `settings.<field>` with its label and hint; required. */
export function NumberSettingFields<K extends string>({
  fields,
  values,
  text,
}: {
  fields: readonly K[];
  values: Record<K, number | string>;
  text: (field: K, part: 'label' | 'hint') => string;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map((field) => (
        <TextField
          key={field}
          name={`settings.${field}`}
          type="number"
          label={text(field, 'label')}
          hint={text(field, 'hint')}
          defaultValue={String(values[field])}
          required
        />
      ))}
    </div>
  );
}
