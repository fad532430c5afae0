import { getTranslations } from 'next-intl/server';
import type { LiveState } from '@/lib/live/live-state';
import { LiveMeeting } from './live-meeting';
import { PresenceList } from './presence-list';

/** The sidebar card of a planned or running meeting: the live connection and who is connected. */
export async function LivePanel({ meetingId, live }: { meetingId: string; live: LiveState }) {
  const t = await getTranslations('meetings.live');
  return (
    <section className="rounded-lg border border-line bg-white p-5" aria-labelledby="live">
      <h2 id="live" className="mb-2 text-lg font-semibold">{t('title')}</h2>
      <LiveMeeting meetingId={meetingId} since={live.latestEventId} />
      <h3 className="mt-4 mb-1 text-sm font-semibold">{t('presenceTitle')}</h3>
      <PresenceList presence={live.presence} />
    </section>
  );
}
