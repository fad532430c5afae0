import { getFormatter, getTranslations } from 'next-intl/server';
import type { RegisseurQueue } from '@/lib/home/queue-views';
import { Pill, QueueItem, QueueSection } from './queue-section';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

export async function RegisseurQueueView({ queue }: { queue: RegisseurQueue }) {
  const [t, tCases, tMeetings, tSignals, format] = await Promise.all([
    getTranslations('home.queue.regisseur'),
    getTranslations('cases'),
    getTranslations('meetings'),
    getTranslations('signals'),
    getFormatter(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const weekdayTime = (d: Date) => format.dateTime(d, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const time = (d: Date) => format.dateTime(d, { hour: '2-digit', minute: '2-digit' });
  const meeting = (m: RegisseurQueue['meetingsToday'][number], when: string) => (
    <QueueItem
      key={m.meetingId}
      testId="item-meeting"
      href={`/meetings/${m.meetingId}`}
      label={`${when} · ${m.title}`}
      badges={<Pill tone="neutral">{tMeetings(`statuses.${m.status}`)}</Pill>}
      details={t('agendaItems', { count: m.items })}
    />
  );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <QueueSection
        id="referrals"
        title={t('referralsTitle')}
        note={t('referralsNorm', { norm: queue.referralNorm })}
        count={queue.referrals.length}
        empty={t('referralsEmpty')}
        allHref="/cases?status=aangemeld"
      >
        {queue.referrals.map((r) => (
          <QueueItem
            key={r.caseId}
            testId="item-referral"
            href={`/cases/${r.caseId}#lifecycle`}
            label={r.number}
            badges={
              <>
                <Pill tone={r.workingDaysLeft < 0 ? 'danger' : r.workingDaysLeft <= 1 ? 'warning' : 'neutral'}>
                  {r.workingDaysLeft < 0 ? t('late', { days: -r.workingDaysLeft }) : t('daysLeft', { days: r.workingDaysLeft })}
                </Pill>
                {r.mine ? <Pill tone="brand">{t('mine')}</Pill> : r.unassigned ? <Pill tone="neutral">{t('unassigned')}</Pill> : null}
              </>
            }
            details={`${tCases(`targetGroups.${r.targetGroup}`)} · ${r.municipality} · ${t('referredOn', { date: date(r.referredAt) })} · ${t('answerBy', { date: date(day(r.answerBy)) })}`}
          />
        ))}
      </QueueSection>

      <QueueSection id="blocked" title={t('blockedTitle')} note={queue.lastVisit ? t('blockedSince', { date: weekdayTime(queue.lastVisit) }) : t('blockedFirst')} count={queue.blocked.length} empty={t('blockedEmpty')}>
        {queue.blocked.map((b) => (
          <QueueItem
            key={b.agreementId}
            testId="item-blocked"
            href={`/cases/${b.caseId}#agreements`}
            label={`${b.caseNumber} · ${b.description}`}
            details={
              <>
                {t('blockedBy', { organisation: b.ownerName, date: weekdayTime(b.blockedAt) })}
                {b.reason ? <>: “{b.reason}”</> : null}
              </>
            }
          />
        ))}
      </QueueSection>

      <QueueSection id="meetings-today" title={t('meetingsTodayTitle')} count={queue.meetingsToday.length} empty={t('meetingsTodayEmpty')} allHref="/meetings">
        {queue.meetingsToday.map((m) => meeting(m, time(m.startsAt)))}
      </QueueSection>

      <QueueSection id="meetings-coming" title={t('meetingsComingTitle')} count={queue.meetingsComing.length} empty={t('meetingsComingEmpty')}>
        {queue.meetingsComing.map((m) => meeting(m, weekdayTime(m.startsAt)))}
      </QueueSection>

      <QueueSection
        id="signals"
        title={t('signalsTitle')}
        count={queue.signalsByLevel.reduce((n, l) => n + l.count, 0)}
        empty={t('signalsEmpty')}
        allHref="/signals"
      >
        {queue.signalsByLevel.map((l) => (
          <QueueItem key={l.level} testId="item-signal-level" href={`/signals?level=${l.level}`} label={tSignals(`levels.${l.level}`)} details={t('signalsAt', { count: l.count })} />
        ))}
      </QueueSection>

      <QueueSection id="without-meeting" title={t('withoutMeetingTitle')} count={queue.withoutMeeting.length} empty={t('withoutMeetingEmpty')} allHref="/meetings">
        {queue.withoutMeeting.map((c) => (
          <QueueItem
            key={c.caseId}
            testId="item-without-meeting"
            href={`/cases/${c.caseId}`}
            label={c.number}
            details={`${tCases(`targetGroups.${c.targetGroup}`)} · ${tCases(`statuses.${c.status}`)}`}
          />
        ))}
      </QueueSection>
    </div>
  );
}
