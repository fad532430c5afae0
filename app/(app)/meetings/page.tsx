import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/empty-state';
import { MeetingStatusBadge } from '@/components/meetings/status-badge';
import { PageTitle } from '@/components/page-title';
import { requirePage } from '@/lib/access/pages';
import { personalFeedPath } from '@/lib/meetings/calendar-files';
import { listMeetings } from '@/lib/meetings/list-meetings';
import { TableBox, thClass } from '@/components/ui/table';
import { authorize } from '@/lib/access/policy';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('title') };
}

type Row = Awaited<ReturnType<typeof listMeetings>>[number];

async function origin() {
  const h = await headers();
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() || h.get('host') || 'localhost';
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  return `${proto}://${host}`;
}

export default async function MeetingsPage() {
  const actor = await requirePage('section.meetings');
  const mayPlan = authorize(actor, 'meeting.create') === 'allow';
  const [t, format, upcoming, past, feedPath, base] = await Promise.all([
    getTranslations('meetings'),
    getFormatter(),
    listMeetings(actor, 'upcoming'),
    listMeetings(actor, 'past'),
    personalFeedPath(actor),
    origin(),
  ]);
  const th = thClass;
  const table = (rows: Row[], label: string) => (
    <TableBox>
      <table className="min-w-full divide-y divide-line text-sm" aria-label={label}>
        <thead className="bg-canvas">
          <tr>
            <th scope="col" className={th}>{t('when')}</th>
            <th scope="col" className={th}>{t('meeting')}</th>
            <th scope="col" className={th}>{t('status')}</th>
            <th scope="col" className={th}>{t('place')}</th>
            <th scope="col" className={`${th} text-right`}>{t('items')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((m) => (
            <tr key={m.id} className="hover:bg-brand-50">
              <td className="px-3 py-2 whitespace-nowrap">
                <time dateTime={m.startsAt.toISOString()}>
                  {format.dateTime(m.startsAt, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}
                </time>
                <span className="block text-xs text-muted">
                  {format.dateTime(m.startsAt, { timeStyle: 'short' })}–{format.dateTime(m.endsAt, { timeStyle: 'short' })}
                </span>
              </td>
              <td className="px-3 py-2">
                <Link href={`/meetings/${m.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {m.title}
                </Link>
                {t(`kinds.${m.kind}`) !== m.title ? <span className="block text-xs text-muted">{t(`kinds.${m.kind}`)}</span> : null}
              </td>
              <td className="px-3 py-2">
                <MeetingStatusBadge status={m.status} label={t(`statuses.${m.status}`)} />
              </td>
              <td className="px-3 py-2">{m.location ?? <span className="text-muted">{t('noPlace')}</span>}</td>
              <td className="px-3 py-2 text-right tabular-nums">{m.items}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageTitle description={t(mayPlan ? 'introRegisseur' : 'introProfessional')}>{t('title')}</PageTitle>
        {mayPlan ? (
          <Link href="/meetings/new" className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t('new')}
          </Link>
        ) : null}
      </div>
      <section aria-labelledby="upcoming" className="mb-10">
        <h2 id="upcoming" className="mb-3 text-lg font-semibold">{t('upcoming')}</h2>
        {upcoming.length === 0 ? <EmptyState title={t('upcomingEmpty')}>{t('upcomingEmptyBody')}</EmptyState> : table(upcoming, t('upcoming'))}
      </section>
      <section aria-labelledby="past" className="mb-10">
        <h2 id="past" className="mb-3 text-lg font-semibold">{t('past')}</h2>
        {past.length === 0 ? <p className="text-sm text-muted">{t('pastEmpty')}</p> : table(past, t('past'))}
      </section>
      <section aria-labelledby="feed" className="rounded-lg border border-line bg-white p-5">
        <h2 id="feed" className="text-lg font-semibold">{t('feed.title')}</h2>
        <p className="mt-1 mb-3 max-w-prose text-sm text-muted">{t('feed.intro')}</p>
        <label htmlFor="feed-url" className="block text-sm font-medium">{t('feed.label')}</label>
        <input
          id="feed-url"
          readOnly
          value={`${base}${feedPath}`}
          className="mt-1 block w-full rounded border border-[#8a96a6] bg-canvas px-3 py-2 font-mono text-xs"
          data-testid="feed-url"
        />
        <p className="mt-2 text-xs text-muted">{t('feed.warning')}</p>
      </section>
    </>
  );
}
