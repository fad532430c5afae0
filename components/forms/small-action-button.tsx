'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/forms/action-state';

type Action = (state: ActionState | null, formData: FormData) => Promise<ActionState>;

/**
 * A small button that posts hidden fields to a server action, with the action's refusal under it. `label`
 * names the button for screen readers and begins with its visible `text` (WCAG 2.5.3, label in name).
 */
export function SmallActionButton({
  action,
  fields,
  label,
  text,
  className,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  text: string;
  className: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col items-start">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-label={label} title={label} className={`rounded border px-2 py-1 text-xs font-semibold disabled:opacity-60 ${className}`}>
        {text}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="mt-1 max-w-56 text-xs text-danger">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
