import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { daysOverdue } from '@/lib/agreements/dates';
import type { AgreementRow } from '@/lib/agreements/list-agreements';
import { AgreedIn } from './agreed-in';
import { AgreementStatusBadge, BlockedBadge, OverdueBadge } from './agreement-badges';
import { CreateAgreementForm, EditAgreementForm } from './agreement-forms';
import { HistoryList } from './history-list';
import type { HistoryResponse } from './types';
import { isFinishedAgreement } from '@/lib/agreements/statuses';

type Option = { value: string; label: string };

interface Props {
  caseId: string;
  items: AgreementRow[];
  /** Per agreement id its history (absent in the pseudonymised view). */
  histories?: Map<string, Pick<HistoryResponse, 'items' | 'dueChanges'>>;
  today: string;
  /** Managers see facts only: no description, reasons or notes. */
  pseudonymised?: boolean;
  /** For regisseurs: the convened organisations and their professionals, to make an agreement. */
  create?: { organisations: Option[]; professionals: (Option & { organisationId: string })[] };
  editable?: boolean;
  /** For a professional whose organisation owns agreements here: a way to act on them. */
  ownOrganisationId?: string;
}

/** The "Afspraken" section of the case page: who does what by when, and how it stands. */
export async function CaseAgreements({ caseId, items, histories, today, pseudonymised, create, editable, ownOrganisationId }: Props) {
  const [t, format] = await Promise.all([getTranslations('agreements'), getFormatter()]);
  const date = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: 'medium' });
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'medium' });
  const open = items.filter((a) => !isFinishedAgreement(a.status)).length;
  const overdue = items.filter((a) => a.overdue).length;
  const ownsSome = ownOrganisationId ? items.some((a) => a.ownerOrganisationId === ownOrganisationId && !isFinishedAgreement(a.status)) : false;

  return (
    <section id="agreements" aria-labelledby="agreements-title" className="scroll-mt-6 rounded-lg border border-line bg-white p-5">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="agreements-title" className="text-lg font-semibold">
          {t('section')}
        </h2>
        {items.length > 0 ? (
          <p className="text-sm text-muted">
            {t('openCount', { open, total: items.length })}
            {overdue > 0 ? <> · <span className="font-semibold text-danger">{t('countOverdue', { overdue })}</span></> : null}
          </p>
        ) : null}
      </div>
      {pseudonymised ? <p className="mb-3 text-sm text-muted">{t('factsOnly')}</p> : null}
      {items.length === 0 ? <p className="text-sm text-muted">{t('sectionEmpty')}</p> : null}
      <ul className="divide-y divide-line" data-testid="case-agreements">
        {items.map((a) => {
          const history = histories?.get(a.id);
          const finished = isFinishedAgreement(a.status);
          return (
            <li key={a.id} className={`py-4 first:pt-1 ${a.overdue ? 'border-l-4 border-l-danger pl-3' : ''}`} data-testid="case-agreement">
              <div className="flex flex-wrap items-center gap-2">
                <AgreementStatusBadge status={a.status} label={t(`statuses.${a.status}`)} />
                {a.overdue ? <OverdueBadge label={t('overdue', { days: daysOverdue(a.dueDate, today) })} /> : null}
                {a.blockedAt && !finished ? <BlockedBadge label={t('blocked')} /> : null}
              </div>
              {pseudonymised ? null : <p className="mt-1.5 font-medium leading-snug">{a.description}</p>}
              <AgreedIn meetingId={a.meetingId} title={a.meetingTitle} startsAt={a.meetingStartsAt} />
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 xl:grid-cols-[minmax(0,2fr)_repeat(2,minmax(0,1fr))]">
                <div>
                  <dt className="text-xs text-muted">{t('owner')}</dt>
                  <dd>
                    {a.ownerOrganisationName}
                    {a.ownerUserName ? <span className="text-muted"> · {a.ownerUserName}</span> : null}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-muted">{t('due')}</dt>
                  <dd className={a.overdue ? 'font-semibold text-danger' : undefined}>
                    {date(a.dueDate)}
                    {/* Only a move is news: an unmoved date says nothing more. */}
                    {a.dueDateMoves > 0 ? (
                      <span className="block text-xs font-normal text-muted">
                        {t('moved', { count: a.dueDateMoves })} · {t('originally', { date: date(a.originalDueDate) })}
                      </span>
                    ) : null}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-muted">{t('lastProgress')}</dt>
                  <dd>{a.lastProgressAt ? day(a.lastProgressAt) : t('noProgress')}</dd>
                </div>
              </dl>
              {!pseudonymised && a.blockedReason && !finished ? (
                <p className="mt-2 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm">
                  <span className="font-semibold">{t('blockedReason')}:</span> {a.blockedReason}
                </p>
              ) : null}
              {!pseudonymised && a.status === 'gereed' && a.completionNote ? (
                <p className="mt-2 rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm">
                  <span className="font-semibold">{t('completionNote')}:</span> {a.completionNote}
                </p>
              ) : null}
              {a.status === 'niet_nagekomen' && a.closeReason ? (
                <p className="mt-2 rounded border border-rose-200 bg-rose-50 px-3 py-2 text-sm">
                  <span className="font-semibold">{t('notDone')}:</span> {t(`closeReasons.${a.closeReason}`)}
                  {!pseudonymised && a.closeNote ? ` — ${a.closeNote}` : null}
                </p>
              ) : null}
              {history && history.items.length + history.dueChanges.length > 0 ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">
                    {t('historyCount', { count: history.items.length + history.dueChanges.length })}
                  </summary>
                  <HistoryList entries={history.items} dueChanges={history.dueChanges} />
                </details>
              ) : null}
              {editable ? (
                <details className="mt-1">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('edit')}</summary>
                  <div className="mt-2 rounded-md border border-line bg-canvas p-3">
                    <EditAgreementForm caseId={caseId} agreement={{ id: a.id, description: a.description, status: a.status, version: a.version }} />
                  </div>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
      {ownsSome ? (
        <p className="mt-3 text-sm">
          <Link href="/my-agreements" className="font-medium text-brand-700 underline">
            {t('toMyAgreements')}
          </Link>
        </p>
      ) : null}
      {create ? (
        <div className="mt-5 border-t border-line pt-5">
          <h3 className="mb-3 text-base font-semibold">{t('create')}</h3>
          {create.organisations.length === 0 ? (
            <p className="text-sm text-muted">{t('needPartner')}</p>
          ) : (
            <CreateAgreementForm caseId={caseId} organisations={create.organisations} professionals={create.professionals} today={today} />
          )}
        </div>
      ) : null}
    </section>
  );
}
