'use client';

import { useActionState } from 'react';
import { moveAgendaItemAction, moveItemToNextMeetingAction, removeAgendaItemAction } from '@/app/(app)/meetings/actions';
import type { ActionState } from '@/lib/forms/action-state';

type Action = (state: ActionState | null, formData: FormData) => Promise<ActionState>;

/** One button that runs an action on an agenda item (move, remove, to the next meeting), with its error under it. */
export function ItemButton({
  action,
  meetingId,
  itemId,
  label,
  text,
  tone = 'plain',
}: {
  action: 'up' | 'down' | 'remove' | 'next';
  meetingId: string;
  itemId: string;
  label: string;
  text: string;
  tone?: 'plain' | 'danger';
}) {
  const run: Action =
    action === 'remove' ? removeAgendaItemAction : action === 'next' ? moveItemToNextMeetingAction : moveAgendaItemAction;
  const [state, formAction, pending] = useActionState(run, null);
  return (
    <form action={formAction} className="inline-flex flex-col items-start">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="itemId" value={itemId} />
      {action === 'up' || action === 'down' ? <input type="hidden" name="direction" value={action} /> : null}
      <button
        type="submit"
        disabled={pending}
        aria-label={label}
        title={label}
        className={`rounded border px-2 py-1 text-xs font-semibold disabled:opacity-60 ${
          tone === 'danger' ? 'border-danger text-danger hover:bg-danger-50' : 'border-line bg-white text-brand-700 hover:bg-brand-50'
        }`}
      >
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
