'use client';

import { createContext, useActionState, useContext, useId } from 'react';
import type { ActionState } from '@/lib/forms/action-state';
import { buttonClass } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';

type Action = (state: ActionState | null, formData: FormData) => Promise<ActionState>;

// idPrefix keeps field ids unique when a page holds several forms with the same field names.
const FormContext = createContext<{ state: ActionState | null; pending: boolean; idPrefix: string }>({
  state: null,
  pending: false,
  idPrefix: '',
});

export function useFormAnswer() {
  return useContext(FormContext);
}

interface Props {
  action: Action;
  submitLabel: string;
  pendingLabel?: string;
  successMessage?: string;
  errorTitle?: string;
  children: React.ReactNode;
  className?: string;
  submitClassName?: string;
  /** Shown above the fields after a success, instead of successMessage: what the answer carries (state.data). */
  renderSuccess?: (state: ActionState) => React.ReactNode;
}

/**
 * A form bound to a server action: after a failed submit the error summary at the top takes the focus and
 * links each field with its message; the values are kept, a success note shown, no double submit.
 */
export function ActionForm({ action, submitLabel, pendingLabel, successMessage, errorTitle, children, className, submitClassName, renderSuccess }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const idPrefix = useId();
  return (
    <form action={formAction} noValidate className={className} key={state?.nonce}>
      {state && !state.ok ? <ErrorSummary title={errorTitle} message={state.message} fieldErrors={state.fieldErrors} /> : null}
      {state?.ok && renderSuccess ? renderSuccess(state) : null}
      {state?.ok && successMessage && !renderSuccess ? (
        <p role="status" className="mb-4 rounded border border-ok bg-emerald-50 px-3 py-2 text-sm text-ok">
          {successMessage}
        </p>
      ) : null}
      <FormContext.Provider value={{ state, pending, idPrefix }}>{children}</FormContext.Provider>
      <button
        type="submit"
        disabled={pending}
        className={submitClassName ?? buttonClass({ size: 'md', className: 'mt-4' })}
      >
        {pending && pendingLabel ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
