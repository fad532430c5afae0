'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId, useRef, useState, useSyncExternalStore } from 'react';
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
  /**
   * Ask before acting: a danger button (block, reject, reset the second factor, end sessions, revoke) asks
   * "…: weet je het zeker?" unless the caller passes `false`; a string is the question to ask instead.
   */
  confirm?: string | false;
}

const subscribeNever = () => () => {};

/**
 * One admin action as a button; a refusal or success is announced beside it. A one-click action that
 * cannot be taken back first asks for confirmation in place: the question, "Ja, …" and "Annuleren".
 * Before the scripts have loaded the button posts its form as it is (the action must work then too).
 */
export function AdminActionButton({ action, fields, label, accessibleLabel, successMessage, tone = 'neutral', size = 'sm', confirm }: Props) {
  const t = useTranslations('forms');
  const [state, formAction, pending] = useActionState(action, null);
  const [asking, setAsking] = useState(false);
  // False in the server's HTML and until hydration, true after: asking takes the page's script.
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  const first = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const name = accessibleLabel ?? label;
  const question = confirm === false || !hydrated ? null : (confirm ?? (tone === 'danger' ? t('confirmQuestion', { action: name }) : null));
  const buttonClass = `rounded border font-medium disabled:opacity-60 ${size === 'xs' ? 'px-2 py-0.5 text-xs' : 'px-2.5 py-1 text-sm'}`;
  const cancel = () => {
    setAsking(false);
    // The question goes away: the focus returns to the button that asked it.
    requestAnimationFrame(() => first.current?.focus());
  };
  return (
    <form action={formAction} onSubmit={() => setAsking(false)} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      {question && asking ? (
        <span role="group" aria-labelledby={questionId} className="inline-flex flex-wrap items-center gap-2">
          <span id={questionId} className="text-sm">
            {question}
          </span>
          <button type="submit" autoFocus disabled={pending} className={`${buttonClass} ${TONES[tone]}`}>
            {t('confirmYes', { action: label.charAt(0).toLocaleLowerCase() + label.slice(1) })}
          </button>
          <button type="button" onClick={cancel} className={`${buttonClass} ${TONES.neutral}`}>
            {t('confirmNo')}
          </button>
        </span>
      ) : (
        <button
          ref={first}
          type={question ? 'button' : 'submit'}
          onClick={question ? () => setAsking(true) : undefined}
          disabled={pending}
          aria-label={accessibleLabel}
          className={`${buttonClass} ${TONES[tone]}`}
        >
          {label}
        </button>
      )}
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
