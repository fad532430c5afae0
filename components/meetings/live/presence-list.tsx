import { getTranslations } from 'next-intl/server';
import type { PresenceEntry } from '@/lib/live/presence';

/** Who is following the meeting now: organisations and a head count, no names. */
export async function PresenceList({ presence }: { presence: PresenceEntry[] }) {
  const t = await getTranslations('meetings.live');
  if (presence.length === 0) return <p className="text-sm text-muted">{t('presenceNone')}</p>;
  return (
    <ul className="divide-y divide-line" data-testid="presence">
      {presence.map((p) => (
        <li key={p.organisationId} className="flex items-center justify-between gap-2 py-1.5 text-sm">
          <span className="font-medium">{p.organisationName}</span>
          <span className="shrink-0 whitespace-nowrap text-muted">{t('people', { count: p.people })}</span>
        </li>
      ))}
    </ul>
  );
}
