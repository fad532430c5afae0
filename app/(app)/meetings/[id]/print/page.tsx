import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AgreementCheck } from '@/components/meetings/agreement-check';
import { loadMeetingOr404 } from '@/components/meetings/load-meeting';
import { agendaSlots } from '@/components/meetings/meeting-header';
import { PrintButton } from '@/components/print-button';
import { MinutesText } from '@/components/meetings/minutes-text';
import { SealedReportView } from '@/components/meetings/sealed-report-view';
import { requirePage } from '@/lib/access/pages';
import { getHouse } from '@/lib/house/house';
import { getMeeting } from '@/lib/meetings/get-meeting';
import { AppError } from '@/lib/errors';
import { getSealedReport } from '@/lib/meetings/sealed-report';
import { z } from '@/lib/validation/zod';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('printView.title') };
}

type Params = Promise<{ id: string }>;
type Search = Promise<{ version?: string }>;

const versionSchema = z.coerce.number().int().positive().max(10_000).optional();

/**
 * Agenda and minutes to print: getMeeting reads as the viewer, so each partner prints only what it may see.
 * A finished meeting prints its sealed report (any earlier version with ?version=N), filtered the same way.
 */
export default async function MeetingPrintPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const actor = await requirePage('section.meetings');
  const { id } = await params;
  const meeting = await loadMeetingOr404(() => getMeeting(actor, id));
  const version = versionSchema.safeParse((await searchParams).version);
  if (!version.success) notFound();
  const sealed =
    meeting.status === 'afgerond' || version.data !== undefined
      ? await getSealedReport(actor, meeting.id, version.data).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
          throw error;
        })
      : null;
  const [t, format, house] = await Promise.all([getTranslations('meetings'), getFormatter(), getHouse()]);
  const slots = agendaSlots(meeting);
  const time = (d: Date) => format.dateTime(d, { timeStyle: 'short' });
  const withMinutes = meeting.status === 'bezig' || meeting.status === 'afgerond';
  const th = 'border-b border-ink/40 px-2 py-1.5 text-left text-xs font-semibold uppercase tracking-wide';
  const td = 'border-b border-line px-2 py-1.5 align-top';

  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/meetings/${meeting.id}`} className="text-sm font-medium text-brand-700 underline">
          {t('printView.back')}
        </Link>
        <div className="flex items-center gap-3">
          <p className="text-sm text-muted">{t('printView.scope', { organisation: actor.organisationName })}</p>
          <PrintButton label={t('printView.print')} />
        </div>
      </div>
      <article className="mx-auto max-w-4xl rounded-lg border border-line bg-white p-4 shadow-sm sm:p-10 print:max-w-none print:rounded-none print:border-0 print:p-0 print:shadow-none" data-testid="print-view">
        {/* Not a <header>: the print stylesheet hides the app's header element. */}
        <div className="mb-6 border-b-2 border-ink pb-4">
          <p className="text-xs font-semibold uppercase tracking-widest text-muted">
            {house.name} · {t('printView.confidential')}
          </p>
          <h1 className="mt-2 text-2xl font-semibold">
            {withMinutes ? t('printView.agendaAndMinutes') : t('printView.agenda')}: {meeting.title}
          </h1>
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-sm">
            <dt className="text-muted">{t('when')}</dt>
            <dd>
              {format.dateTime(meeting.startsAt, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}, {time(meeting.startsAt)}–
              {time(meeting.endsAt)}
            </dd>
            <dt className="text-muted">{t('place')}</dt>
            <dd>{[meeting.location, meeting.videoUrl].filter(Boolean).join(' · ') || t('noPlace')}</dd>
            <dt className="text-muted">{t('chair')}</dt>
            <dd>{meeting.chairName ?? '—'}</dd>
            <dt className="text-muted">{t('minuteTaker')}</dt>
            <dd>{meeting.minuteTakerName ?? '—'}</dd>
            <dt className="text-muted">{t('status')}</dt>
            <dd>
              {t(`statuses.${meeting.status}`)}
              {meeting.statusReason ? ` (${meeting.statusReason})` : null}
            </dd>
          </dl>
        </div>

        {sealed ? <SealedReportView report={sealed} versionHref={(v) => `/meetings/${meeting.id}/print?version=${v}`} /> : null}

        {sealed ? null : (
          <>
          <section className="mb-6 break-inside-avoid" aria-labelledby="p-invitees">
            <h2 id="p-invitees" className="mb-2 text-base font-semibold">{withMinutes ? t('printView.attendance') : t('invitees')}</h2>
            {meeting.invitees.length === 0 ? (
              <p className="text-sm text-muted">{t('noInvitees')}</p>
            ) : (
              <table className="w-full border-collapse text-sm">
                <tbody>
                  {meeting.invitees.map((i) => (
                    <tr key={i.organisationId}>
                      <td className={td}>{i.organisationName}</td>
                      {withMinutes ? (
                        <td className={`${td} w-48`}>{i.attendance ? t(`attendanceValues.${i.attendance}`) : t('attendance.unknown')}</td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section className="mb-8" aria-labelledby="p-agenda">
            <h2 id="p-agenda" className="mb-2 text-base font-semibold">{t('agenda')}</h2>
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr>
                  <th scope="col" className={`${th} w-10`}>#</th>
                  <th scope="col" className={`${th} w-32`}>{t('printView.time')}</th>
                  <th scope="col" className={th}>{t('printView.subject')}</th>
                  <th scope="col" className={`${th} w-28`}>{t('printView.itemStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {meeting.agenda.map((item, index) => (
                  <tr key={item.id}>
                    <td className={td}>{item.position}</td>
                    <td className={`${td} whitespace-nowrap tabular-nums`}>
                      {time(slots[index]!.start)}–{time(slots[index]!.end)}
                    </td>
                    <td className={td}>
                      {item.visible ? (
                        item.caseId ? `${item.caseNumber} · ${item.subjectName}` : item.topic
                      ) : (
                        <span className="italic text-muted">{t('closedItem')}</span>
                      )}
                      {item.visible && item.presenterName ? <span className="block text-xs text-muted">{t('presenter', { name: item.presenterName })}</span> : null}
                    </td>
                    <td className={td}>{t(`itemStatuses.${item.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {meeting.agenda.length === 0 ? <p className="mt-2 text-sm text-muted">{t('agendaEmpty')}</p> : null}
          </section>

          {meeting.agenda
            .filter((item) => item.visible)
            .map((item) => (
              <section key={item.id} className="mb-6 break-inside-avoid-page border-t border-line pt-4" aria-label={t('itemLabel', { position: item.position })}>
                <h2 className="mb-3 text-base font-semibold">
                  {item.position}. {item.caseId ? `${item.caseNumber} · ${item.subjectName}` : item.topic}
                </h2>
                <div className="space-y-3">
                  {item.caseId ? <AgreementCheck agreements={item.openAgreements ?? []} /> : null}
                  {withMinutes ? (
                    <div>
                      <h3 className="text-sm font-semibold">{t('record.minutes')}</h3>
                      {item.minutes ? <MinutesText text={item.minutes} /> : <p className="text-sm text-muted">{t('record.none')}</p>}
                      {item.outcome ? (
                        <>
                          <h3 className="mt-2 text-sm font-semibold">{t('record.outcome')}</h3>
                          <MinutesText text={item.outcome} />
                        </>
                      ) : null}
                    </div>
                  ) : null}
                </div>
              </section>
            ))}
          </>
        )}

        <footer className="mt-10 border-t border-line pt-3 text-xs text-muted">
          {t('printView.footer', {
            name: actor.name,
            organisation: actor.organisationName,
            date: format.dateTime(new Date(), { dateStyle: 'long', timeStyle: 'short' }),
          })}
          {meeting.agenda.some((item) => !item.visible) ? ` ${t('printView.closedLeftOut')}` : null}
        </footer>
      </article>
    </>
  );
}
