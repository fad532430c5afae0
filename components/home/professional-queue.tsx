import { getFormatter, getTranslations } from 'next-intl/server';
import type { PartnerAgreementItem, ProfessionalQueue } from '@/lib/home/queue-views';
import { Pill, QueueItem, QueueSection } from './queue-section';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

export async function ProfessionalQueueView({ queue }: { queue: ProfessionalQueue }) {
  const [t, tAgreements, tCases, format] = await Promise.all([
    getTranslations('home.queue.professional'),
    getTranslations('agreements'),
    getTranslations('cases'),
    getFormatter(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const weekdayTime = (d: Date) => format.dateTime(d, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const agreement = (a: PartnerAgreementItem) => (
    <QueueItem
      key={a.agreementId}
      testId="item-agreement"
      href={`/my-agreements${a.overdue ? '?overdue=true' : ''}#agreement-${a.agreementId}`}
      label={`${a.caseNumber} · ${a.description}`}
      badges={
        <>
          {a.blocked ? <Pill tone="warning">{t('blocked')}</Pill> : null}
          {a.namedToMe ? <Pill tone="brand">{t('namedToYou')}</Pill> : null}
        </>
      }
      details={`${t('due', { date: date(day(a.dueDate)) })} · ${tAgreements(`statuses.${a.status}`)}`}
    />
  );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <QueueSection id="overdue" title={t('overdueTitle')} count={queue.overdue.length} empty={t('overdueEmpty')} allHref="/my-agreements?overdue=true">
        {queue.overdue.map(agreement)}
      </QueueSection>
      <QueueSection id="due" title={t('dueTitle')} count={queue.dueThisWeek.length} empty={t('dueEmpty')} allHref="/my-agreements">
        {queue.dueThisWeek.map(agreement)}
      </QueueSection>
      <QueueSection id="status-requests" title={t('statusTitle')} count={queue.statusRequests.length} empty={t('statusEmpty')}>
        {queue.statusRequests.map((r) => (
          <QueueItem
            key={r.meetingId}
            testId="item-status-request"
            href={`/my-agreements#round-${r.meetingId}`}
            label={`${weekdayTime(r.startsAt)} · ${r.title}`}
            badges={r.late ? <Pill tone="danger">{t('statusLate')}</Pill> : null}
            details={t('statusLine', { reported: r.reported, total: r.agreements, date: date(day(r.dueDate)) })}
          />
        ))}
      </QueueSection>
      <QueueSection id="convened" title={t('convenedTitle')} count={queue.newlyConvened.length} empty={t('convenedEmpty')} allHref="/cases">
        {queue.newlyConvened.map((c) => (
          <QueueItem
            key={c.caseId}
            testId="item-convened"
            href={`/cases/${c.caseId}`}
            label={c.number}
            details={`${tCases(`targetGroups.${c.targetGroup}`)} · ${t('convenedOn', { date: date(c.convenedAt) })}`}
          />
        ))}
      </QueueSection>
    </div>
  );
}
