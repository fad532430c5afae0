'use client';

import { useActionState } from 'react';

interface State {
  codes?: string[];
  message?: string;
}

/** "Make new recovery codes": the answer shows the ten new codes once. */
export function RecoveryCodesForm({
  action,
  labels,
}: {
  action: (state: State, form: FormData) => Promise<State>;
  labels: { submit: string; pending: string; intro: string; shown: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <div className="space-y-3">
      {state.message ? (
        <p role="alert" className="rounded border border-danger bg-danger-50 px-3 py-2 text-sm text-danger">
          {state.message}
        </p>
      ) : null}
      {state.codes ? (
        <div role="status" className="space-y-2">
          <p className="text-sm font-medium">{labels.shown}</p>
          <ol className="grid max-w-md grid-cols-2 gap-2 rounded border border-line bg-canvas p-4 font-mono" data-testid="recovery-codes">
            {state.codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <form action={formAction}>
        <p className="mb-2 text-sm text-muted">{labels.intro}</p>
        <button
          type="submit"
          disabled={pending}
          className="rounded border border-brand-700 px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60"
        >
          {pending ? labels.pending : labels.submit}
        </button>
      </form>
    </div>
  );
}
