import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PageTitle } from '@/components/page-title';
import { requirePage } from '@/lib/access/pages';
import { internalLink, listNotifications } from '@/lib/notify/centre';
import { markAllNotificationsReadAction, markNotificationReadAction, openNotificationAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('title') };
}

/** The kinds of notification the app sends, as message keys. */
const KIND_KEYS: Record<string, string> = { signal: 'signal', escalation: 'escalation', 'agreement-blocked': 'agreementBlocked', meeting: 'meeting' };

/** The notification centre: the user's own notifications, newest first; mark one or all read. */
export default async function NotificationsPage() {
  const actor = await requirePage();
  const [{ items, total, unread }, t, format] = await Promise.all([listNotifications(actor), getTranslations('notifications'), getFormatter()]);
  return (
    <>
      <PageTitle description={t('intro')}>{t('title')}</PageTitle>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted" role="status" data-testid="unread-summary">
          {t('summary', { unread, total })}
        </p>
        {unread > 0 ? (
          <form action={markAllNotificationsReadAction}>
            <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
              {t('markAll')}
            </button>
          </form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line bg-white px-6 py-12 text-center">
          <h2 className="text-base font-semibold text-ink">{t('emptyTitle')}</h2>
          <p className="mx-auto mt-2 max-w-prose text-sm text-muted">{t('empty')}</p>
        </div>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white" aria-label={t('title')}>
          {items.map((n) => {
            const link = internalLink(n.link);
            return (
              <li
                key={n.id}
                className={`flex flex-wrap items-start justify-between gap-3 px-4 py-3 ${n.readAt ? '' : 'border-l-4 border-l-brand-600 bg-brand-50'}`}
                data-testid="notification"
                data-unread={n.readAt ? undefined : 'true'}
              >
                <div className="min-w-0 flex-1">
                  <p className="text-sm">
                    {n.readAt ? null : <span className="mr-2 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">{t('new')}</span>}
                    {link ? (
                      // Opening it marks it read: a form button that looks like the link it leads to.
                      <form action={openNotificationAction} className="inline">
                        <input type="hidden" name="id" value={n.id} />
                        <button type="submit" className={`text-left text-brand-700 underline underline-offset-2 hover:no-underline ${n.readAt ? '' : 'font-semibold'}`}>
                          {n.title}
                        </button>
                      </form>
                    ) : (
                      <span className={n.readAt ? '' : 'font-semibold'}>{n.title}</span>
                    )}
                  </p>
                  <p className="mt-0.5 text-xs text-muted">
                    {t(`kinds.${KIND_KEYS[n.kind] ?? 'other'}`)} · {format.dateTime(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </p>
                </div>
                {n.readAt ? null : (
                  <form action={markNotificationReadAction}>
                    <input type="hidden" name="id" value={n.id} />
                    <button
                      type="submit"
                      aria-label={t('markOneLabel', { title: n.title })}
                      className="rounded border border-brand-600 px-2.5 py-1 text-sm font-medium text-brand-700 hover:bg-white"
                    >
                      {t('markOne')}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {total > items.length ? <p className="mt-3 text-sm text-muted">{t('more', { shown: items.length })}</p> : null}
      <p className="mt-6 text-sm">
        <Link href="/" className="font-medium text-brand-700 underline">
          {t('back')}
        </Link>
      </p>
    </>
  );
}
