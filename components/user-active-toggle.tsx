'use client';

import { useActionState } from 'react';
import { setUserActiveAction } from '@/app/(app)/admin/actions';

interface Props {
  userId: string;
  active: boolean;
  version: number;
  label: string;
  accessibleLabel: string;
}

export function UserActiveToggle({ userId, active, version, label, accessibleLabel }: Props) {
  const [state, action, pending] = useActionState(setUserActiveAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <input type="hidden" name="version" value={version} />
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className={`rounded border px-2.5 py-1 text-sm font-medium disabled:opacity-60 ${
          active ? 'border-danger text-danger hover:bg-danger-50' : 'border-brand-600 text-brand-700 hover:bg-brand-50'
        }`}
      >
        {label}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-danger">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
