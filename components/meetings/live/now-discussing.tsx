'use client';

import { useTranslations } from 'next-intl';
import { setCurrentItemAction } from '@/app/(app)/meetings/[id]/live-actions';
import { SmallActionButton } from '@/components/forms/small-action-button';

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
  return (
    <SmallActionButton
      action={setCurrentItemAction}
      fields={{ meetingId, itemId: current ? '' : itemId }}
      label={current ? t('clearCurrentLabel', { position }) : t('markCurrentLabel', { position })}
      text={current ? t('clearCurrent') : t('markCurrent')}
      className="border-amber-700 bg-white text-amber-900 hover:bg-amber-50"
    />
  );
}
