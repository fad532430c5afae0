'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/forms/action-state';

type Action = (state: ActionState | null, formData: FormData) => Promise<ActionState>;

const TONES = {
  danger: 'border-danger text-danger hover:bg-danger-50',
  neutral: 'border-brand-600 text-brand-700 hover:bg-brand-50',
} as const;

interface Props {
  action: Action;
  /** Hidden fields sent with the button (ids, version). */
  fields: Record<string, string | number>;
  label: string;
  /** Names the object for screen readers ("Fatima Ouali blokkeren") where the label alone is ambiguous. */
  accessibleLabel?: string;
  successMessage?: string;
  tone?: keyof typeof TONES;
  size?: 'sm' | 'xs';
}

/** One admin action as a button (works before hydration too); a refusal or success is announced beside it. */
export function AdminActionButton({ action, fields, label, accessibleLabel, successMessage, tone = 'neutral', size = 'sm' }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className={`rounded border font-medium disabled:opacity-60 ${size === 'xs' ? 'px-2 py-0.5 text-xs' : 'px-2.5 py-1 text-sm'} ${TONES[tone]}`}
      >
        {label}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-danger">
          {state.message}
        </span>
      ) : null}
      {state?.ok && successMessage ? (
        <span role="status" className="text-sm text-ok">
          {successMessage}
        </span>
      ) : null}
    </form>
  );
}
