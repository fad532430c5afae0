import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AgreementCheck } from '@/components/meetings/agreement-check';
import { FinishedMeeting } from '@/components/meetings/finished-meeting';
import { InformationPanel } from '@/components/meetings/information-panel';
import { ItemAgreements } from '@/components/meetings/item-agreements';
import { ReceivedStatuses } from '@/components/meetings/received-statuses';
import { SealHistory } from '@/components/meetings/seal-history';
import { loadMeetingOr404 } from '@/components/meetings/load-meeting';
import {
  AddItemForm,
  AttendanceForm,
  InviteForm,
  PlanNextForm,
  RescheduleForm,
  TransitionForm,
} from '@/components/meetings/meeting-forms';
import { ItemButton } from '@/components/meetings/item-button';
import { MeetingHeader, agendaSlots } from '@/components/meetings/meeting-header';
import { MinutesText } from '@/components/meetings/minutes-text';
import { RecordItemForm } from '@/components/meetings/record-item-form';
import { ItemStatusBadge } from '@/components/meetings/status-badge';
import { ItemAgreements as AgreementsToConfirm } from '@/components/meetings/live/item-agreements';
import { LivePanel } from '@/components/meetings/live/live-panel';
import { NowDiscussingBadge, NowDiscussingButton } from '@/components/meetings/live/now-discussing';
import { itemOwnerOptions } from '@/lib/agreements/meeting-options';
import { requirePage } from '@/lib/access/pages';
import { partnerChoices } from '@/lib/choices/form-choices';
import { agendaCaseOptions, presenterOptions } from '@/lib/meetings/form-options';
import { getMeeting, type AgendaEntry } from '@/lib/meetings/get-meeting';
import { ATTENDANCE_VALUES } from '@/lib/meetings/choices';
import { allowedMeetingActions } from '@/lib/meetings/meeting-lifecycle';
import { getLiveState } from '@/lib/live/live-state';
import { getSealedReport } from '@/lib/meetings/sealed-report';
import { amsterdamParts } from '@/lib/meetings/time';
import { authorize } from '@/lib/access/policy';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('meeting') };
}

type Params = Promise<{ id: string }>;
type Search = Promise<{ created?: string; planned?: string }>;

const card = 'rounded-lg border border-line bg-white p-5';

export default async function MeetingPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const actor = await requirePage('section.meetings');
  const { id } = await params;
  const { created, planned } = await searchParams;
  const meeting = await loadMeetingOr404(() => getMeeting(actor, id));
  // A finished meeting shows its report as frozen and sealed at afronding (lib/meetings/seal.ts).
  const sealed = meeting.status === 'afgerond' ? await getSealedReport(actor, meeting.id) : null;
  if (sealed) return <FinishedMeeting actor={actor} meeting={meeting} report={sealed} />;
  const [t, format] = await Promise.all([getTranslations('meetings'), getFormatter()]);
  // The chair: whoever may manage a meeting they read.
  const isRegisseur = authorize(actor, 'meeting.manage', 'invited') === 'allow';
  const status = meeting.status;
  const beforeStart = status === 'concept' || status === 'gepland';
  const running = status === 'bezig';
  const closed = status === 'afgerond' || status === 'geannuleerd';
  const [caseOptions, presenters, organisations] = isRegisseur
    ? await Promise.all([agendaCaseOptions(actor), presenterOptions(actor, meeting.id), partnerChoices()])
    : [null, null, null];
  const actions = isRegisseur ? allowedMeetingActions(status) : [];
  // The live view (components/meetings/live): followed while planned or running.
  const live = status === 'concept' ? null : await getLiveState(actor, meeting.id);
  const following = live && (status === 'gepland' || running) ? live : null;
  const start = amsterdamParts(meeting.startsAt);
  const end = amsterdamParts(meeting.endsAt);
  const slots = agendaSlots(meeting);
  const time = (d: Date) => format.dateTime(d, { timeStyle: 'short' });
  const onAgenda = new Set(meeting.agenda.map((a) => a.caseId).filter(Boolean));
  const invited = new Set(meeting.invitees.map((i) => i.organisationId));
  // While the meeting runs, agreements are made, changed and closed inside the case items.
  const ownerChoices = isRegisseur && running ? await itemOwnerOptions(actor, meeting.id) : null;

  const itemTitle = (item: AgendaEntry) => {
    if (!item.visible) return <span className="text-muted">{t('closedItem')}</span>;
    if (item.caseId) {
      return (
        <Link href={`/cases/${item.caseId}`} className="text-brand-700 underline-offset-2 hover:underline">
          {item.caseNumber} · {item.subjectName}
        </Link>
      );
    }
    return item.topic;
  };

  return (
    <>
      <MeetingHeader meeting={meeting} backHref="/meetings" backLabel={t('back')} />
      {created && status === 'concept' ? (
        <p role="status" className="mb-6 rounded border border-ok bg-emerald-50 px-3 py-2 text-sm text-ok">
          {t('createdNotice')}
        </p>
      ) : null}
      {running ? <SealHistory actor={actor} meetingId={meeting.id} /> : null}
      {planned ? (
        <p role="status" className="mb-6 rounded border border-ok bg-emerald-50 px-3 py-2 text-sm text-ok">
          {t('series.plannedNotice')}
        </p>
      ) : null}
      <div className="mb-6 flex flex-wrap gap-3">
        <Link href={`/meetings/${meeting.id}/print`} className="rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50">
          {t('print')}
        </Link>
        <a
          href={`/api/v1/meetings/${meeting.id}/ics`}
          download
          className="rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50"
        >
          {t('ics')}
        </a>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section className="min-w-0 space-y-4 lg:col-span-2" aria-labelledby="agenda">
          <div className="flex items-baseline justify-between">
            <h2 id="agenda" className="text-lg font-semibold">{t('agenda')}</h2>
            <p className="text-sm text-muted">{t('agendaTotal', { count: meeting.agenda.length, minutes: meeting.agenda.reduce((n, a) => n + a.durationMinutes, 0) })}</p>
          </div>
          {meeting.agenda.length === 0 ? <p className={`${card} text-sm text-muted`}>{t('agendaEmpty')}</p> : null}
          <ol className="space-y-4">
            {meeting.agenda.map((item, index) => (
              <li
                key={item.id}
                className={running && live?.currentItemId === item.id ? `${card} ring-2 ring-amber-500` : card}
                data-testid="agenda-item"
                data-current={running && live?.currentItemId === item.id ? 'true' : undefined}
                aria-label={t('itemLabel', { position: item.position })}
              >
                <div className="flex flex-wrap items-start gap-3">
                  <span aria-hidden="true" className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-white">
                    {item.position}
                  </span>
                  <div className="min-w-0 flex-1">
                    <h3 className="font-semibold">{itemTitle(item)}</h3>
                    <p className="text-xs text-muted">
                      {time(slots[index]!.start)}–{time(slots[index]!.end)} · {t('minutes', { minutes: item.durationMinutes })}
                      {item.visible && item.presenterName ? ` · ${t('presenter', { name: item.presenterName })}` : null}
                    </p>
                    {!item.visible ? <p className="mt-1 text-sm text-muted">{t('closedItemNote')}</p> : null}
                  </div>
                  {running && live?.currentItemId === item.id ? <NowDiscussingBadge /> : null}
                  <ItemStatusBadge status={item.status} label={t(`itemStatuses.${item.status}`)} />
                </div>
                {isRegisseur && running ? (
                  <div className="mt-3">
                    <NowDiscussingButton meetingId={meeting.id} itemId={item.id} position={item.position} current={live?.currentItemId === item.id} />
                  </div>
                ) : null}
                {isRegisseur && beforeStart ? (
                  <div className="mt-3 flex flex-wrap gap-2">
                    {index > 0 ? (
                      <ItemButton action="up" meetingId={meeting.id} itemId={item.id} text={`↑ ${t('item.up')}`} label={t('item.upLabel', { position: item.position })} />
                    ) : null}
                    {index < meeting.agenda.length - 1 ? (
                      <ItemButton action="down" meetingId={meeting.id} itemId={item.id} text={`↓ ${t('item.down')}`} label={t('item.downLabel', { position: item.position })} />
                    ) : null}
                    <ItemButton action="remove" meetingId={meeting.id} itemId={item.id} text={t('item.remove')} label={t('item.removeLabel', { position: item.position })} tone="danger" />
                  </div>
                ) : null}
                {item.visible ? (
                  <div className="mt-4 space-y-4 border-t border-line pt-4">
                    {item.caseId && ownerChoices ? (
                      <ItemAgreements meetingId={meeting.id} item={item} choices={ownerChoices.get(item.caseId) ?? { organisations: [], professionals: [] }} />
                    ) : item.caseId ? (
                      <AgreementCheck agreements={item.openAgreements ?? []} />
                    ) : null}
                    {live ? <AgreementsToConfirm meetingId={meeting.id} agreements={live.agreements.filter((a) => a.itemId === item.id)} canConfirm={!closed} /> : null}
                    {item.caseId && (status === 'gepland' || running) ? (
                      <ReceivedStatuses actor={actor} meetingId={meeting.id} agreements={item.openAgreements ?? []} />
                    ) : null}
                    {isRegisseur && running && item.status !== 'doorgeschoven' ? (
                      <RecordItemForm
                        meetingId={meeting.id}
                        itemId={item.id}
                        version={item.version!}
                        value={{ minutes: item.minutes ?? '', outcome: item.outcome ?? '', status: item.status }}
                        authorId={actor.userId}
                      />
                    ) : (
                      <div className="space-y-2">
                        <h4 className="text-sm font-semibold">{t('record.minutes')}</h4>
                        {item.minutes ? <MinutesText text={item.minutes} /> : <p className="text-sm text-muted">{t('record.none')}</p>}
                        {item.outcome ? (
                          <>
                            <h4 className="text-sm font-semibold">{t('record.outcome')}</h4>
                            <MinutesText text={item.outcome} />
                          </>
                        ) : null}
                      </div>
                    )}
                    {isRegisseur && meeting.seriesId && item.status === 'open' && (running || status === 'afgerond') ? (
                      <ItemButton action="next" meetingId={meeting.id} itemId={item.id} text={t('item.toNext')} label={t('item.toNextLabel', { position: item.position })} />
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
          {isRegisseur && !closed && caseOptions && presenters ? (
            <section className={card} aria-labelledby="add-item">
              <h2 id="add-item" className="mb-2 text-lg font-semibold">{t('addItem.title')}</h2>
              <AddItemForm
                meetingId={meeting.id}
                cases={caseOptions.filter((c) => !onAgenda.has(c.id)).map((c) => ({ value: c.id, label: `${c.number} · ${c.subjectName}` }))}
                presenters={presenters.map((p) => ({ value: p.id, label: `${p.name} (${p.organisationName})` }))}
              />
            </section>
          ) : null}
        </section>

        <div className="min-w-0 space-y-6">
          {following ? <LivePanel meetingId={meeting.id} live={following} /> : null}
          {isRegisseur ? (
            <section className={card} aria-labelledby="lifecycle">
              <h2 id="lifecycle" className="mb-2 text-lg font-semibold">{t('lifecycle')}</h2>
              <p className="mb-2 text-sm text-muted">{t(`statusHelp.${status}`)}</p>
              <div className="divide-y divide-line">
                {actions.map((action) =>
                  action === 'cancel' || action === 'reopen' ? (
                    <details key={action} className="py-2">
                      <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t(`actions.${action}`)}</summary>
                      <TransitionForm meetingId={meeting.id} version={meeting.version} action={action} />
                    </details>
                  ) : (
                    <div key={action} className="py-2">
                      <TransitionForm meetingId={meeting.id} version={meeting.version} action={action} />
                    </div>
                  ),
                )}
              </div>
              {meeting.seriesId && meeting.recurrence !== 'geen' ? (
                <div className="mt-3 border-t border-line pt-3">
                  <p className="mb-2 text-sm text-muted">{t('series.intro', { recurrence: t(`recurrences.${meeting.recurrence}`) })}</p>
                  <PlanNextForm meetingId={meeting.id} />
                </div>
              ) : null}
            </section>
          ) : null}

          <section className={card} aria-labelledby="invitees">
            <h2 id="invitees" className="mb-2 text-lg font-semibold">{t('invitees')}</h2>
            {meeting.invitees.length === 0 ? <p className="text-sm text-muted">{t('noInvitees')}</p> : null}
            {isRegisseur && running && meeting.invitees.length > 0 ? (
              <AttendanceForm
                meetingId={meeting.id}
                invitees={meeting.invitees}
                choices={ATTENDANCE_VALUES.map((a) => ({ value: a, label: t(`attendanceValues.${a}`) }))}
              />
            ) : (
              <ul className="divide-y divide-line" data-testid="invitees">
                {meeting.invitees.map((i) => (
                  <li key={i.organisationId} className="flex items-center justify-between gap-2 py-2 text-sm">
                    <span className="font-medium">
                      {i.organisationName}
                      {i.userName ? <span className="block text-xs font-normal text-muted">{i.userName}</span> : null}
                    </span>
                    <span className={i.attendance === 'aanwezig' ? 'text-ok' : 'text-muted'}>
                      {i.attendance ? t(`attendanceValues.${i.attendance}`) : t('attendance.unknown')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {isRegisseur && !closed && organisations ? (
              <div className="mt-4 border-t border-line pt-4">
                <InviteForm
                  meetingId={meeting.id}
                  organisations={organisations.filter((o) => !invited.has(o.id)).map((o) => ({ value: o.id, label: o.name }))}
                />
              </div>
            ) : null}
          </section>

          <InformationPanel actor={actor} meetingId={meeting.id} status={status} />

          {isRegisseur && beforeStart ? (
            <section className={card} aria-labelledby="reschedule">
              <details>
                <summary id="reschedule" className="cursor-pointer text-lg font-semibold">{t('reschedule.title')}</summary>
                <div className="mt-3">
                  <RescheduleForm
                    meetingId={meeting.id}
                    version={meeting.version}
                    value={{ date: start.date, startTime: start.time, endTime: end.time, location: meeting.location ?? '', videoUrl: meeting.videoUrl ?? '' }}
                  />
                </div>
              </details>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
