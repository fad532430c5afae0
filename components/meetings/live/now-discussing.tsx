'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setCurrentItemAction } from '@/app/(app)/meetings/[id]/live-actions';

/** The marker partners see on the item under discussion. */
export function NowDiscussingBadge() {
  const t = useTranslations('meetings.live');
  return (
    <span data-testid="now-discussing" className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
      {t('nowDiscussing')}
    </span>
  );
}

/** The chair's "Nu besproken" per item while the meeting runs; on the marked item it clears the mark. */
export function NowDiscussingButton({ meetingId, itemId, position, current }: { meetingId: string; itemId: string; position: number; current: boolean }) {
  const t = useTranslations('meetings.live');
  const [state, formAction, pending] = useActionState(setCurrentItemAction, null);
  const label = current ? t('clearCurrentLabel', { position }) : t('markCurrentLabel', { position });
  return (
    <form action={formAction} className="inline-flex flex-col items-start">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="itemId" value={current ? '' : itemId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={label}
        title={label}
        className="rounded border border-amber-700 bg-white px-2 py-1 text-xs font-semibold text-amber-900 hover:bg-amber-50 disabled:opacity-60"
      >
        {current ? t('clearCurrent') : t('markCurrent')}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="mt-1 max-w-56 text-xs text-danger">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
