import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { unreadNotifications } from '@/lib/notify/centre';

/**
 * "Meldingen (3)" in the header: the count as a badge, and for screen readers spelled out in the link's
 * name ("Meldingen (3 ongelezen)"), which also keeps the visible text inside the accessible name.
 */
export async function NotificationsLink({ actor }: { actor: Actor }) {
  const [count, t] = await Promise.all([unreadNotifications(actor), getTranslations('notifications')]);
  return (
    <Link
      href="/notifications"
      className="inline-flex items-center gap-1.5 text-sm font-medium underline-offset-2 hover:underline"
      data-testid="notifications-link"
    >
      {t('link')}
      {count > 0 ? (
        <span aria-hidden="true" className="rounded-full bg-white px-1.5 py-0.5 text-xs font-bold leading-none text-brand-900" data-testid="unread-count">
          {count}
        </span>
      ) : null}
      <span className="sr-only">({count > 0 ? `${count} ${t('unread')}` : t('noneUnread')})</span>
    </Link>
  );
}
