'use client';

import { useActionState } from 'react';

interface State {
  codes?: string[];
  message?: string;
  fieldErrors?: Record<string, string[]>;
}

/**
 * "Make new recovery codes": asks for the password or a current code from the app first; the answer
 * shows the ten new codes once. The proof is never sent back to the form.
 */
export function RecoveryCodesForm({
  action,
  labels,
}: {
  action: (state: State, form: FormData) => Promise<State>;
  labels: { submit: string; pending: string; intro: string; shown: string; confirmation: string; confirmationHint: string };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors?.confirmation;
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
      <form action={formAction} className="space-y-3">
        <p className="text-sm text-muted">{labels.intro}</p>
        <div>
          <label htmlFor="recovery-confirmation" className="block text-sm font-medium">
            {labels.confirmation}
            <span aria-hidden="true" className="text-danger"> *</span>
          </label>
          <p id="recovery-confirmation-hint" className="text-xs text-muted">
            {labels.confirmationHint}
          </p>
          <input
            id="recovery-confirmation"
            name="confirmation"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={Boolean(errors?.length)}
            aria-describedby={['recovery-confirmation-hint', errors?.length ? 'recovery-confirmation-error' : undefined].filter(Boolean).join(' ')}
            className="mt-1 block w-full max-w-sm rounded border border-[#8a96a6] bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-danger"
          />
          {errors?.length ? (
            <p id="recovery-confirmation-error" className="mt-1 text-sm text-danger">
              {errors[0]}
            </p>
          ) : null}
        </div>
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
