'use client';

import { moveAgendaItemAction, moveItemToNextMeetingAction, removeAgendaItemAction } from '@/app/(app)/meetings/actions';
import { SmallActionButton } from '@/components/forms/small-action-button';

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
  const run = action === 'remove' ? removeAgendaItemAction : action === 'next' ? moveItemToNextMeetingAction : moveAgendaItemAction;
  const fields: Record<string, string> = { meetingId, itemId, ...(action === 'up' || action === 'down' ? { direction: action } : {}) };
  return (
    <SmallActionButton
      action={run}
      fields={fields}
      label={label}
      text={text}
      className={tone === 'danger' ? 'border-danger text-danger hover:bg-danger-50' : 'border-line bg-white text-brand-700 hover:bg-brand-50'}
    />
  );
}
