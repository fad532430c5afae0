import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseEntry } from '@/lib/subject-access/document';
import { FlaggedText } from './flagged-text';
import { h3 } from './styles';

/** The agenda items about this case, with their own minutes only (other cases of a meeting never show). */
export async function AgendaItemsSection({ items }: { items: CaseEntry['agendaItems'] }) {
  const [t, tCase, tMeetings, format] = await Promise.all([
    getTranslations('subjectAccess.agenda'),
    getTranslations('subjectAccess.case'),
    getTranslations('meetings'),
    getFormatter(),
  ]);
  return (
    <>
      <h3 className={h3}>{tCase('agendaItems')}</h3>
      {items.length === 0 ? <p className="text-sm text-muted">{tCase('none')}</p> : null}
      <ol className="space-y-3">
        {items.map((item, i) => (
          <li key={i} className="break-inside-avoid border-l-2 border-line pl-3 text-sm" data-testid="export-agenda-item">
            <p className="font-medium">
              <FlaggedText value={item.meetingTitle} />{' '}
              <span className="font-normal text-muted">
                · {tMeetings(`kinds.${item.meetingKind}`)} ·{' '}
                {format.dateTime(new Date(item.meetingStartsAt), { dateStyle: 'long', timeStyle: 'short' })} · {t('position', { position: item.position })} ·{' '}
                {tMeetings(`itemStatuses.${item.status}`)} ({tMeetings(`statuses.${item.meetingStatus}`).toLowerCase()})
              </span>
            </p>
            {item.minutes || item.outcome ? (
              <div className="mt-1 grid gap-1">
                {item.minutes ? (
                  <p>
                    <span className="font-semibold">{t('minutes')}: </span>
                    <FlaggedText value={item.minutes} />
                  </p>
                ) : null}
                {item.outcome ? (
                  <p>
                    <span className="font-semibold">{t('outcome')}: </span>
                    <FlaggedText value={item.outcome} />
                  </p>
                ) : null}
              </div>
            ) : (
              <p className="mt-1 text-muted">{t('noMinutes')}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
