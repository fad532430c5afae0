import { getFormatter, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { receivedStatuses } from '@/lib/meetings/status-round';

/** Under the afsprakencheck: what each owner reported in the statusronde, or that nothing came in. */
export async function ReceivedStatuses({
  actor,
  meetingId,
  agreements,
}: {
  actor: Actor;
  meetingId: string;
  agreements: { id: string; description: string; ownerOrganisationName: string }[];
}) {
  if (agreements.length === 0) return null;
  const [t, format, received] = await Promise.all([
    getTranslations('meetings.cycle'),
    getFormatter(),
    receivedStatuses(actor, meetingId, agreements.map((a) => a.id)),
  ]);
  return (
    <div className="break-inside-avoid" data-testid="status-round-received">
      <h4 className="mb-1 text-sm font-semibold">{t('received.title')}</h4>
      <ul className="divide-y divide-line rounded border border-line text-sm">
        {agreements.map((a) => {
          const entry = received.get(a.id);
          const status = entry?.latest;
          return (
            <li key={a.id} className="px-3 py-2">
              <span className="font-medium">{a.ownerOrganisationName}</span> · <span className="text-muted">{a.description}</span>
              {status ? (
                <p className="mt-0.5">
                  “{status.note}”{' '}
                  <span className="text-xs text-muted">
                    {t('received.by', { name: status.authorName, date: format.dateTime(status.at, { dateStyle: 'medium', timeStyle: 'short' }) })}
                  </span>
                </p>
              ) : (
                <p className="mt-0.5 text-muted italic">{entry?.asked === false ? t('received.notInvited') : t('received.none')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
