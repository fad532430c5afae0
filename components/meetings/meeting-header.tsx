import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { MeetingView } from '@/lib/meetings/get-meeting';
import { MeetingStatusBadge } from './status-badge';

/** When each agenda item starts and ends, counted from the start of the meeting. */
export function agendaSlots(meeting: Pick<MeetingView, 'startsAt' | 'agenda'>) {
  let at = meeting.startsAt.getTime();
  return meeting.agenda.map((item) => {
    const start = new Date(at);
    at += item.durationMinutes * 60_000;
    return { start, end: new Date(at) };
  });
}

export async function MeetingHeader({ meeting, backHref, backLabel }: { meeting: MeetingView; backHref: string; backLabel: string }) {
  const [t, format] = await Promise.all([getTranslations('meetings'), getFormatter()]);
  const day = format.dateTime(meeting.startsAt, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const hours = `${format.dateTime(meeting.startsAt, { timeStyle: 'short' })}–${format.dateTime(meeting.endsAt, { timeStyle: 'short' })}`;
  return (
    <div className="mb-6">
      <Link href={backHref} className="text-sm font-medium text-brand-700 underline print:hidden">
        {backLabel}
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{meeting.title}</h1>
        <MeetingStatusBadge status={meeting.status} label={t(`statuses.${meeting.status}`)} />
      </div>
      <p className="mt-1 text-muted">
        {t(`kinds.${meeting.kind}`)} · <time dateTime={meeting.startsAt.toISOString()}>{day}</time>, {hours}
        {meeting.recurrence !== 'geen' ? ` · ${t(`recurrences.${meeting.recurrence}`)}` : null}
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div className="flex gap-2">
          <dt className="text-muted">{t('place')}:</dt>
          <dd>
            {meeting.location ?? null}
            {meeting.location && meeting.videoUrl ? ' · ' : null}
            {meeting.videoUrl ? (
              <a href={meeting.videoUrl} className="text-brand-700 underline" rel="noopener noreferrer" target="_blank">
                {t('videoLink')}
              </a>
            ) : null}
            {!meeting.location && !meeting.videoUrl ? t('noPlace') : null}
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-muted">{t('chair')}:</dt>
          <dd>{meeting.chairName ?? '—'}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-muted">{t('minuteTaker')}:</dt>
          <dd>{meeting.minuteTakerName ?? '—'}</dd>
        </div>
        {meeting.statusReason ? (
          <div className="flex gap-2 sm:col-span-2">
            <dt className="text-muted">{t(meeting.status === 'geannuleerd' ? 'cancelReason' : 'reopenReason')}:</dt>
            <dd>{meeting.statusReason}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
