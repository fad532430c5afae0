import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CountdownBadge } from '@/components/data-subject-requests/countdown';
import { EmptyState } from '@/components/empty-state';
import { PageTitle } from '@/components/page-title';
import { buttonClass } from '@/components/ui/button';
import { TableBox, tdClass, thClass } from '@/components/ui/table';
import { requirePage } from '@/lib/access/pages';
import { authorize } from '@/lib/access/policy';
import { listRequests } from '@/lib/data-subject-requests/list-requests';
import { listOwnTasks } from '@/lib/data-subject-requests/tasks';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dataSubjectRequests'))('title') };
}

const day = (value: string) => new Date(`${value}T12:00:00Z`);

/** The contact point's requests for a regisseur; for a partner's people, their organisation's tasks. */
export default async function DataSubjectRequestsPage() {
  const actor = await requirePage('section.dataSubjectRequests');
  const [t, format] = await Promise.all([getTranslations('dataSubjectRequests'), getFormatter()]);
  const date = (value: string) => format.dateTime(day(value), { dateStyle: 'medium' });

  if (authorize(actor, 'dataSubjectRequest.manage') !== 'allow') {
    const tasks = await listOwnTasks(actor);
    return (
      <>
        <PageTitle description={t('tasksIntro')}>{t('title')}</PageTitle>
        {tasks.length === 0 ? (
          <EmptyState title={t('tasksEmpty')}>{t('tasksEmptyText')}</EmptyState>
        ) : (
          <TableBox>
            <table className="min-w-full text-sm">
              <thead className="border-b border-line">
                <tr>
                  <th className={thClass}>{t('kind')}</th>
                  <th className={thClass}>{t('term')}</th>
                  <th className={thClass}>{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {tasks.map((task) => (
                  <tr key={task.id} className="border-b border-line last:border-0">
                    <td className={tdClass}>
                      <Link href={`/data-subject-requests/tasks/${task.id}`} className="font-medium text-brand-700 underline">
                        {t(`kinds.${task.kind as 'inzage'}`)}
                      </Link>
                    </td>
                    <td className={tdClass}>
                      {date(task.dueOn)} {task.countdown ? <CountdownBadge countdown={task.countdown} /> : null}
                    </td>
                    <td className={tdClass}>{task.status === 'open' ? t('open') : t('answered')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </>
    );
  }

  const requests = await listRequests(actor);
  return (
    <>
      <PageTitle description={t('intro')}>{t('title')}</PageTitle>
      <p className="mb-4">
        <Link href="/data-subject-requests/new" className={buttonClass({ size: 'md' })}>
          {t('new')}
        </Link>
      </p>
      {requests.length === 0 ? (
        <EmptyState title={t('empty')}>{t('emptyText')}</EmptyState>
      ) : (
        <TableBox>
          <table className="min-w-full text-sm">
            <thead className="border-b border-line">
              <tr>
                <th className={thClass}>{t('requester')}</th>
                <th className={thClass}>{t('kind')}</th>
                <th className={thClass}>{t('receivedOn')}</th>
                <th className={thClass}>{t('term')}</th>
                <th className={thClass}>{t('partners')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id} className="border-b border-line last:border-0">
                  <td className={tdClass}>
                    <Link href={`/data-subject-requests/${r.id}`} className="font-medium text-brand-700 underline">
                      {r.requesterName}
                    </Link>
                  </td>
                  <td className={tdClass}>{t(`kinds.${r.kind as 'inzage'}`)}</td>
                  <td className={`${tdClass} whitespace-nowrap`}>{date(r.receivedOn)}</td>
                  <td className={`${tdClass} whitespace-nowrap`}>
                    {r.countdown ? (
                      <>
                        {date(r.term)} <CountdownBadge countdown={r.countdown} />
                      </>
                    ) : (
                      t('countdown.closed', { date: date(r.answeredOn!) })
                    )}
                  </td>
                  <td className={tdClass}>{t('partnersAnswered', { answered: r.answered, total: r.tasks })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </>
  );
}
