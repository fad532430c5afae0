import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/empty-state';
import { AdminQueueView } from '@/components/home/admin-queue';
import { ManagerQueueView } from '@/components/home/manager-queue';
import { ProfessionalQueueView } from '@/components/home/professional-queue';
import { RegisseurQueueView } from '@/components/home/regisseur-queue';
import { PageTitle } from '@/components/page-title';
import { SECTION_PATHS } from '@/lib/access/navigation';
import { requirePage } from '@/lib/access/pages';
import { loadHomeQueue, type HomeQueue } from '@/lib/home/home-queue';
import { queueSize } from '@/lib/home/queue-size';

export const dynamic = 'force-dynamic';

function QueueView({ queue }: { queue: HomeQueue }) {
  switch (queue.role) {
    case 'regisseur':
      return <RegisseurQueueView queue={queue} />;
    case 'professional':
      return <ProfessionalQueueView queue={queue} />;
    case 'manager':
      return <ManagerQueueView queue={queue} />;
    case 'admin':
      return <AdminQueueView queue={queue} />;
  }
}

/** The home page is the user's work queue: what waits for them today, each item one click from its action. */
export default async function HomePage() {
  const actor = await requirePage();
  // A partnerbeheerder has no work queue: its home is its organisation's user administration.
  if (actor.role === 'partnerbeheer') redirect(SECTION_PATHS.partnerAdmin);
  const now = new Date();
  const [t, format, queue] = await Promise.all([getTranslations('home'), getFormatter(), loadHomeQueue(actor, now)]);
  const today = format.dateTime(now, { weekday: 'long', day: 'numeric', month: 'long' });
  return (
    <>
      <PageTitle description={t('queue.intro', { date: today })}>{t('greeting', { name: actor.name })}</PageTitle>
      {queueSize(queue) === 0 ? (
        <div className="mb-6">
          <EmptyState title={t('queue.nothingToday')}>{t('queue.nothingTodayNote')}</EmptyState>
        </div>
      ) : null}
      <QueueView queue={queue} />
    </>
  );
}
