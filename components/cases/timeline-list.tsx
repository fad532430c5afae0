import { getFormatter, getTranslations } from 'next-intl/server';
import type { TimelineItem } from '@/lib/cases/timeline';

export async function TimelineList({ items }: { items: TimelineItem[] }) {
  const [t, tCases, format] = await Promise.all([getTranslations('case'), getTranslations('cases'), getFormatter()]);
  if (items.length === 0) return <p className="text-sm text-muted">{t('timelineEmpty')}</p>;
  const title = (item: TimelineItem): string => {
    switch (item.kind) {
      case 'partner-added':
        return t('events.partnerAdded', { organisation: item.organisationName });
      case 'partner-ended':
        return t('events.partnerEnded', { organisation: item.organisationName });
      case 'triage':
        return t('events.triage', { decision: tCases(`decisions.${String(item.data?.decision)}`) });
      case 'pause':
        return t('events.pause', { reason: tCases(`pauseReasons.${String(item.data?.pauseReason)}`) });
      case 'resume':
        return t('events.resume');
      case 'edit':
        return Array.isArray(item.data?.fields) && item.data.fields.includes('retention') ? t('events.retentionExtended') : t('events.edit');
      case 'agreement-created':
        return t('events.agreementCreated', { organisation: item.organisationName, due: format.dateTime(new Date(`${item.dueDate}T12:00:00Z`), { dateStyle: 'medium' }) });
      case 'agreement-moved':
        return t('events.agreementMoved', {
          from: format.dateTime(new Date(`${item.fromDate}T12:00:00Z`), { dateStyle: 'medium' }),
          to: format.dateTime(new Date(`${item.toDate}T12:00:00Z`), { dateStyle: 'medium' }),
        });
      case 'agreement-action':
        return t(`events.agreementAction.${item.action}`, { organisation: item.organisationName });
      case 'meeting-item':
        return t('events.meetingItem', { title: item.meetingTitle });
      case 'merge':
        return t(item.data?.direction === 'from' ? 'events.mergedFrom' : 'events.mergedInto', { number: String(item.data?.caseNumber) });
      case 'unmerge':
        return t(item.data?.direction === 'from' ? 'events.unmergedFrom' : 'events.unmergedInto', { number: String(item.data?.caseNumber) });
      case 'match':
        return t('events.matchContinued');
      case 'contact':
        return t(`events.contact.${item.contact}`, {
          organisation: item.organisationName,
          date: format.dateTime(new Date(`${item.contactDate}T12:00:00Z`), { dateStyle: 'medium' }),
        });
      case 'status':
        return item.fromStatus && item.toStatus
          ? t('events.status', { from: tCases(`statuses.${item.fromStatus}`), to: tCases(`statuses.${item.toStatus}`) })
          : t('events.created');
    }
  };
  return (
    <ol className="relative space-y-4 border-l-2 border-line pl-5">
      {items.map((item, i) => (
        <li key={i} className="relative">
          <span aria-hidden="true" className="absolute -left-[27px] top-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-600" />
          <p className="text-sm font-medium">{title(item)}</p>
          <p className="text-xs text-muted">
            <time dateTime={item.at.toISOString()}>{format.dateTime(item.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
            {item.actorName ? ` · ${t('by', { name: item.actorName })}` : null}
          </p>
          {item.kind === 'agreement-moved' || item.kind === 'agreement-action' ? (
            <p className="mt-1 text-xs text-muted">{item.description}</p>
          ) : null}
          {item.reason ? <p className="mt-1 whitespace-pre-line text-sm">{item.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
