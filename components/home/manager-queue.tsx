import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ManagerQueue } from '@/lib/home/queue-views';
import { Pill, QueueItem, QueueSection } from './queue-section';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const FIGURES = ['newReferrals', 'triagedCases', 'closedCases', 'activeCases', 'openAgreements', 'overdueAgreements'] as const;

export async function ManagerQueueView({ queue }: { queue: ManagerQueue }) {
  const [t, format] = await Promise.all([getTranslations('home.queue.manager'), getFormatter()]);
  const date = (iso: string) => format.dateTime(day(iso), { day: 'numeric', month: 'long' });
  const moment = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const dashboard = `/dashboard?from=${queue.week.from}&to=${queue.week.to}`;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="queue-week" data-testid="queue-week" className="min-w-0 rounded-lg border border-line bg-white p-4">
        <h2 id="queue-week" className="text-base font-semibold text-ink">
          {t('weekTitle', { from: date(queue.week.from), to: date(queue.week.to) })}
        </h2>
        <p className="mt-1 text-sm text-muted">{t('weekNote')}</p>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
          {FIGURES.map((key) => (
            <div key={key} className="rounded-md border border-line px-3 py-2">
              <dt className="text-xs font-medium text-muted">{t(key)}</dt>
              <dd className="text-xl font-semibold text-ink" data-testid={`week-${key}`}>
                {queue.figures[key]}
              </dd>
            </div>
          ))}
        </dl>
        <Link href={dashboard} className="mt-3 inline-block text-sm font-medium text-brand-700 underline underline-offset-2">
          {t('dashboard')}
        </Link>
      </section>
      <QueueSection
        id="escalations"
        title={t('escalationsTitle')}
        note={t('atManager', { count: queue.signalsAtManager })}
        count={queue.escalations.length}
        empty={t('escalationsEmpty')}
        allHref="/signals?minLevel=manager"
      >
        {queue.escalations.map((e) => (
          <QueueItem
            key={e.notificationId}
            testId="item-escalation"
            href="/signals?minLevel=manager"
            label={e.title}
            badges={e.unread ? <Pill tone="brand">{t('unread')}</Pill> : null}
            details={moment(e.at)}
          />
        ))}
      </QueueSection>
    </div>
  );
}
