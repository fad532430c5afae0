import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { Countdown } from '@/lib/data-subject-requests/term';

const TONE = {
  left: 'bg-emerald-50 text-ok ring-emerald-200',
  today: 'bg-amber-50 text-amber-800 ring-amber-300',
  late: 'bg-danger-50 text-danger ring-red-300',
};

/** "nog 5 dagen", "vandaag", "2 dagen te laat": the AVG term as it stands today. */
export async function CountdownBadge({ countdown, testId }: { countdown: Countdown; testId?: string }) {
  const t = await getTranslations('dataSubjectRequests.countdown');
  return (
    <Badge tone={TONE[countdown.state]} testId={testId}>
      {countdown.state === 'today' ? t('today') : t(countdown.state, { days: countdown.days })}
    </Badge>
  );
}
