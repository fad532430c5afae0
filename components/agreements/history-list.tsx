import { useFormatter, useTranslations } from 'next-intl';
import type { HistoryEntry, HistoryResponse } from './types';

/**
 * What happened to an agreement, newest first. No client code of its own: the case page renders it on
 * the server (without shipping react-query), the agreements overview in the browser.
 */
export function HistoryList({ entries, dueChanges }: { entries: HistoryEntry[]; dueChanges: HistoryResponse['dueChanges'] }) {
  const t = useTranslations('agreements');
  const format = useFormatter();
  const date = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: 'medium' });
  const rows = [
    ...entries.map((e) => ({ at: e.createdAt, key: e.id, kind: e.kind as string, title: t(`kinds.${e.kind}`), text: e.note, who: `${e.authorName} · ${e.organisationName}`, pending: e.pending })),
    ...dueChanges.map((c, i) => ({
      at: c.at,
      key: `due-${i}`,
      kind: 'due',
      title: t('dueMoved', { from: date(c.fromDate), to: date(c.toDate) }),
      text: c.reason,
      who: c.changedByName,
      pending: false,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (rows.length === 0) return <p className="mt-3 text-sm text-muted">{t('historyEmpty')}</p>;
  return (
    <ol className="mt-3 space-y-3 border-l-2 border-line pl-4" data-testid="agreement-history">
      {rows.map((row) => (
        <li key={row.key} className={`relative ${row.pending ? 'opacity-60' : ''}`} data-kind={row.kind}>
          <span aria-hidden="true" className="absolute -left-[23px] top-1.5 h-2.5 w-2.5 rounded-full border-2 border-white bg-brand-600" />
          <p className="text-sm font-medium">
            {row.title}
            {row.pending ? <span className="ml-2 text-xs font-normal text-muted">{t('pending')}</span> : null}
          </p>
          {row.text ? <p className="whitespace-pre-line text-sm">{row.text}</p> : null}
          <p className="text-xs text-muted">
            <time dateTime={row.at}>{format.dateTime(new Date(row.at), { dateStyle: 'medium', timeStyle: 'short' })}</time> · {row.who}
          </p>
        </li>
      ))}
    </ol>
  );
}
