import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CountdownBadge } from '@/components/data-subject-requests/countdown';
import { CombinedAnswerForm, ExtendTermForm } from '@/components/data-subject-requests/request-forms';
import { PageTitle } from '@/components/page-title';
import { Badge } from '@/components/ui/badge';
import { cardClass } from '@/components/ui/card';
import { requirePage } from '@/lib/access/pages';
import { getRequest } from '@/lib/data-subject-requests/get-request';
import { inTime } from '@/lib/data-subject-requests/term';
import { orNotFound } from '../not-found-on-refusal';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dataSubjectRequests'))('title') };
}

type Params = Promise<{ id: string }>;

const day = (value: string) => new Date(`${value}T12:00:00Z`);
const sectionClass = cardClass('p-5', 'mb-6');

/** One request at the contact point: the term, every partner's status and answer, and the steps left. */
export default async function DataSubjectRequestPage({ params }: { params: Params }) {
  const actor = await requirePage('dataSubjectRequest.manage');
  const { id } = await params;
  const [t, format] = await Promise.all([getTranslations('dataSubjectRequests'), getFormatter()]);
  const request = await orNotFound(getRequest(actor, id));
  const date = (value: string) => format.dateTime(day(value), { dateStyle: 'long' });
  const open = request.tasks.filter((task) => task.status === 'open').length;
  const kind = t(`kinds.${request.kind as 'inzage'}`);

  return (
    <>
      <Link href="/data-subject-requests" className="text-sm font-medium text-brand-700 underline">
        {t('detail.back')}
      </Link>
      <PageTitle description={t('detail.requestOf', { name: request.requesterName })}>{kind}</PageTitle>

      <section className={sectionClass} aria-label={t('term')}>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-muted">{t('term')}</dt>
            <dd className="mt-0.5 flex flex-wrap items-center gap-2" data-testid="dsr-term">
              <span>{date(request.term)}</span>
              {request.countdown ? <CountdownBadge countdown={request.countdown} testId="dsr-countdown" /> : null}
            </dd>
            {request.extendedDueOn ? (
              <dd className="mt-1 text-xs text-muted">
                {t('detail.originalTerm')}: {date(request.dueOn)}. {t('detail.extensionReason')}: {request.extensionReason}
              </dd>
            ) : null}
          </div>
          <div>
            <dt className="font-medium text-muted">{t('receivedOn')}</dt>
            <dd className="mt-0.5">{date(request.receivedOn)}</dd>
          </div>
          <div>
            <dt className="font-medium text-muted">{t('detail.contact')}</dt>
            <dd className="mt-0.5 break-words">{request.requesterContact}</dd>
          </div>
          <div>
            <dt className="font-medium text-muted">{t('detail.identity')}</dt>
            <dd className="mt-0.5">
              {t(`identityChecks.${request.identityCheck as 'balie'}`)}
              {request.identityNote ? ` — ${request.identityNote}` : ''}
            </dd>
          </div>
        </dl>
      </section>

      <section className={sectionClass} aria-labelledby="dsr-cases">
        <h2 id="dsr-cases" className="mb-3 text-lg font-semibold">
          {t('detail.cases')}
        </h2>
        {request.cases.length === 0 ? (
          <p className="text-sm text-muted">{t('detail.noCases')}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {request.cases.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <Link href={`/cases/${c.id}`} className="font-medium text-brand-700 underline">
                  {c.number}
                </Link>
                {request.kind === 'inzage' ? (
                  <Link href={`/cases/${c.id}/subject-access`} className="text-brand-700 underline" title={t('detail.exportHint')}>
                    {t('detail.export', { number: c.number })}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={sectionClass} aria-labelledby="dsr-tasks">
        <h2 id="dsr-tasks" className="mb-3 text-lg font-semibold">
          {t('detail.tasks')}
        </h2>
        {request.tasks.length === 0 ? (
          <p className="text-sm text-muted">{t('detail.noTasks')}</p>
        ) : (
          <ul className="divide-y divide-line text-sm" data-testid="dsr-tasks">
            {request.tasks.map((task) => (
              <li key={task.id} className="py-2">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">{task.organisation}</span>
                  {task.status === 'open' ? (
                    <Badge tone="bg-amber-50 text-amber-800 ring-amber-300">{t('detail.waiting')}</Badge>
                  ) : (
                    <Badge tone="bg-emerald-50 text-ok ring-emerald-200">{task.noData ? t('detail.noData') : t('answered')}</Badge>
                  )}
                </div>
                {task.answer ? <p className="mt-1 whitespace-pre-line text-muted">{task.answer}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {request.answeredOn ? (
        <section className={sectionClass} aria-labelledby="dsr-answer">
          <h2 id="dsr-answer" className="mb-2 text-lg font-semibold">
            {t('detail.answer')}
          </h2>
          <p className="mb-2 text-sm font-medium" role="status">
            {inTime(request.term, request.answeredOn) ? t('detail.closed', { date: date(request.answeredOn) }) : t('detail.closedLate', { date: date(request.answeredOn) })}
          </p>
          <p className="whitespace-pre-line text-sm">{request.answerText}</p>
        </section>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className={cardClass('p-5')} aria-labelledby="dsr-combine">
            <h2 id="dsr-combine" className="mb-2 text-lg font-semibold">
              {t('combine.title')}
            </h2>
            {open > 0 ? <p className="mb-2 text-sm text-muted">{t('combine.waitingHint', { open })}</p> : null}
            <CombinedAnswerForm requestId={request.id} version={request.version} />
          </section>
          {request.extendedDueOn ? null : (
            <section className={cardClass('p-5')} aria-labelledby="dsr-extend">
              <h2 id="dsr-extend" className="mb-2 text-lg font-semibold">
                {t('extend.title')}
              </h2>
              <ExtendTermForm requestId={request.id} version={request.version} latest={date(request.latestDueOn)} />
            </section>
          )}
        </div>
      )}
    </>
  );
}
