import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CountdownBadge } from '@/components/data-subject-requests/countdown';
import { AnswerTaskForm } from '@/components/data-subject-requests/request-forms';
import { PageTitle } from '@/components/page-title';
import { cardClass } from '@/components/ui/card';
import { requirePage } from '@/lib/access/pages';
import { getTask } from '@/lib/data-subject-requests/tasks';
import { orNotFound } from '../../not-found-on-refusal';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dataSubjectRequests'))('task.title') };
}

type Params = Promise<{ id: string }>;

const day = (value: string) => new Date(`${value}T12:00:00Z`);

/** A partner's own part of a request: the kind and the term, and its answer; nothing of the requester. */
export default async function DataSubjectTaskPage({ params }: { params: Params }) {
  const actor = await requirePage('section.dataSubjectRequests');
  const { id } = await params;
  const [t, format] = await Promise.all([getTranslations('dataSubjectRequests'), getFormatter()]);
  const task = await orNotFound(getTask(actor, id));

  return (
    <>
      <Link href="/data-subject-requests" className="text-sm font-medium text-brand-700 underline">
        {t('task.back')}
      </Link>
      <PageTitle description={t('task.intro')}>{t(`kinds.${task.kind as 'inzage'}`)}</PageTitle>
      <section className={cardClass('p-5', 'mb-6 max-w-2xl')}>
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="dsr-term">
          <span className="font-medium text-muted">{t('task.term')}:</span>
          <span>{format.dateTime(day(task.dueOn), { dateStyle: 'long' })}</span>
          {task.countdown ? <CountdownBadge countdown={task.countdown} testId="dsr-countdown" /> : null}
        </p>
        {task.status === 'answered' ? (
          <div className="mt-4 text-sm" role="status">
            <p className="font-medium">{t('task.answeredAt', { date: format.dateTime(task.answeredAt!, { dateStyle: 'long' }) })}</p>
            <p className="mt-1 whitespace-pre-line text-muted">{task.noData ? t('detail.noData') : task.answer}</p>
          </div>
        ) : (
          <div className="mt-4">
            <AnswerTaskForm taskId={task.id} version={task.version} />
          </div>
        )}
      </section>
    </>
  );
}
