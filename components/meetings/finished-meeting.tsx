import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import type { MeetingView } from '@/lib/meetings/get-meeting';
import type { SealedReport } from '@/lib/meetings/sealed-report';
import { MeetingHeader } from './meeting-header';
import { ItemButton } from './item-button';
import { PlanNextForm, TransitionForm } from './meeting-forms';
import { SealedReportView } from './sealed-report-view';
import { authorize } from '@/lib/access/policy';

const card = 'rounded-lg border border-line bg-white p-5';
const button = 'rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50';

/** A finished meeting shows its frozen, sealed report; the chair may reopen it with a reason. */
export async function FinishedMeeting({ actor, meeting, report }: { actor: Actor; meeting: MeetingView; report: SealedReport }) {
  const t = await getTranslations('meetings');
  const isRegisseur = authorize(actor, 'meeting.manage', 'invited') === 'allow';
  return (
    <>
      <MeetingHeader meeting={meeting} backHref="/meetings" backLabel={t('back')} />
      <div className="mb-6 flex flex-wrap gap-3">
        <Link href={`/meetings/${meeting.id}/print`} className={button}>
          {t('print')}
        </Link>
        <a href={`/api/v1/meetings/${meeting.id}/ics`} download className={button}>
          {t('ics')}
        </a>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <section className={`${card} min-w-0 lg:col-span-2`}>
          <SealedReportView report={report} versionHref={(v) => `/meetings/${meeting.id}/print?version=${v}`} />
        </section>
        {isRegisseur ? (
          <section className={`${card} self-start`} aria-labelledby="lifecycle">
            <h2 id="lifecycle" className="mb-2 text-lg font-semibold">{t('lifecycle')}</h2>
            <p className="mb-2 text-sm text-muted">{t('statusHelp.afgerond')}</p>
            {meeting.chairUserId === actor.userId ? (
              <details className="py-2">
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t('actions.reopen')}</summary>
                <TransitionForm meetingId={meeting.id} version={meeting.version} action="reopen" />
              </details>
            ) : null}
            {meeting.seriesId && meeting.recurrence !== 'geen' ? (
              <div className="mt-3 border-t border-line pt-3">
                <p className="mb-2 text-sm text-muted">{t('series.intro', { recurrence: t(`recurrences.${meeting.recurrence}`) })}</p>
                <PlanNextForm meetingId={meeting.id} />
                {/* Unfinished items can still move to the next meeting of the series. */}
                <div className="mt-3 flex flex-wrap gap-2">
                  {meeting.agenda
                    .filter((item) => item.visible && item.status === 'open')
                    .map((item) => (
                      <ItemButton
                        key={item.id}
                        action="next"
                        meetingId={meeting.id}
                        itemId={item.id}
                        text={`${item.position}. ${t('item.toNext')}`}
                        label={t('item.toNextLabel', { position: item.position })}
                      />
                    ))}
                </div>
              </div>
            ) : null}
          </section>
        ) : null}
      </div>
    </>
  );
}
